namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: a name written with academic titles, as Czech citizens sign (<c>MUDr. Petra Svobodová, Ph.D.</c>),
/// is the whole name; the title after the comma cut it to <c>MUDr.</c>. The fake clock starts on Monday 2026-11-30
/// 07:00 Prague.</summary>
public class NamesWithTitlesTests
{
    [Theory]
    [InlineData("MUDr. Petra Svobodová, Ph.D.", "MUDr. Petra Svobodova Ph.D.")] // was "MUDr."
    [InlineData("Ing. Jan Novák, CSc.", "Ing. Jan Novak CSc.")]
    [InlineData("Novák Jan, Ing.", "Novak Jan Ing.")]
    [InlineData("Ing. Jan Novák", "Ing. Jan Novak")]
    [InlineData("Jmenuji se Mgr. Eva Malá, Ph.D.", "Mgr. Eva Mala Ph.D.")]
    public async Task NameWithTitles_AtTheNameStep_IsTheWholeName(string text, string name)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToNameStepAsync(held: "Napiste jmeno");
        await phone.ExpectAsync(text, $@"^Souhrn: .*08:00, {System.Text.RegularExpressions.Regex.Escape(name)}\.? Potvrdte ANO");
    }

    [Fact]
    public async Task ANameEndingWithATitlesStop_GetsNoSecondStop()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas zitra v 10", "cinnosti");
        await phone.ExpectAsync("1", "Napiste jmeno");
        // Was "Svobodova Ph.D.. Potvrdte": the summary's stop after the name's own.
        await phone.ExpectAsync("MUDr. Petra Svobodová, Ph.D.", @"^Souhrn: .*10:00, MUDr\. Petra Svobodova Ph\.D\. Potvrdte ANO");
        await phone.ExpectAsync("ANO", @"Kod: \w{6}");
    }
}
