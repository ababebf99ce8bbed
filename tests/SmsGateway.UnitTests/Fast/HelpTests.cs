namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: POMOC names every word of the line (PRESUN, HLIDAT, FRONTA, UA), gives an OBJ example on an open
/// day inside the horizon, and the office's phone when configured. The fake clock starts on Monday 2026-11-30 07:00.</summary>
public class HelpTests
{
    [Fact]
    public async Task Pomoc_NamesEveryWord_AndAnExampleInsideTheHorizon()
    {
        await using var gateway = ConversationHarness.Start();
        var reply = await gateway.Phone().ExpectAsync("POMOC", @"PRESUN = presunout, HLIDAT = hlidat drivejsi termin.*FRONTA = kolik ceka.*UA = Ukrainska");
        Assert.Contains("OBJ ZOP 7.12. 14:00 NOVAK", reply); // was 10.8., outside the horizon; Mon 7.12. is open
        Assert.DoesNotContain("Telefon", reply); // none configured
    }

    [Fact]
    public async Task Pomoc_WithTheOfficesPhone_SaysIt()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:OfficePhone"] = "+420 499 803 111" });
        await gateway.Phone().ExpectAsync("POMOC", @"\nTelefon uradu: \+420 499 803 111$");
    }

    [Fact]
    public async Task Help_InEnglish_NamesMoveWatchQueueAndUkrainian()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("EN", "Hello");
        await phone.ExpectAsync("HELP", @"MOVE = move a booking, WATCH = wait for an earlier time.*QUEUE = waiting now.*UA = Ukrainian");
    }

    [Theory]
    [InlineData("HELP")]
    [InlineData("help")]
    [InlineData("Help me")]
    [InlineData("help please")]
    public async Task LoneHelp_AsTheFirstMessage_GetsTheEnglishHelp_AndTheTalkGoesOnInEnglish(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, @"^Send a number from the list\. BACK, MENU = start over");
        await phone.ExpectAsync("pas", @"^Passports - send the number of what you need");
    }

    [Theory]
    [InlineData("POMOC", @"^Poslete cislo z nabidky\.")]
    [InlineData("pomoc prosim", @"^Poslete cislo z nabidky\.")]
    [InlineData("ДОПОМОГА", @"^Надішліть номер із переліку\.")]
    public async Task LoneHelpWord_AsTheFirstMessage_GetsTheHelpOfItsLanguage(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Theory]
    [InlineData("assist", @"^Send a number from the list\.")]      // was the Czech help: only the shipped words chose
    [InlineData("dopomoha", @"^Надішліть номер із переліку\.")] // a Ukrainian word written in Latin letters
    [InlineData("poradte", @"^Poslete cislo z nabidky\.")]
    public async Task OfficesOwnHelpWord_AsTheFirstMessage_GetsTheHelpOfItsLanguage(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Conversation:Words:en:Help:0"] = "assist",
            ["Conversation:Words:uk:Help:0"] = "dopomoha",
            ["Conversation:Words:cs:Help:0"] = "poradte",
        });
        await gateway.Phone().ExpectAsync(text, reply);
    }

    [Theory]
    [InlineData("OBJ HELP")] // the one-message booking's syntax stays the Czech line's: OBJ is Czech
    [InlineData("obj help")]
    public async Task ObjHelp_StaysCzech(string text)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().ExpectAsync(text, @"^Objednani jednou SMS: OBJ kod");
    }

    [Fact]
    public async Task Help_DuringACzechTalk_KeepsItsLanguage()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("2", "cinnosti");
        await phone.ExpectAsync("HELP", @"^Poslete cislo z nabidky\.");
        await phone.ExpectAsync("1", "vyberte den");
    }

    [Fact]
    public async Task Help_AfterCz_KeepsCzech()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.ExpectAsync("EN", "^Hello");
        await phone.ExpectAsync("CZ", "^Poslete cislo agendy");
        await phone.ExpectAsync("HELP", @"^Poslete cislo z nabidky\.");
    }

    [Theory]
    [InlineData("EN", "^Hello", "POMOC", @"^Send a number from the list\.")] // a language chosen stays whatever help word is written
    [InlineData("UA", "^Добрий день", "HELP", @"^Надішліть номер із переліку\.")]
    public async Task HelpWordOfAnotherLanguage_KeepsTheLanguageChosen(string choose, string greeting, string help, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(choose, greeting);
        await phone.ExpectAsync(help, reply);
    }
}
