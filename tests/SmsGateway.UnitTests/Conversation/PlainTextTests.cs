using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>A reply made GSM-friendly and a message made comparable, character by character.</summary>
public class PlainTextTests
{
    [Theory]
    [InlineData("Příliš žluťoučký kůň – „úpěl“ ‚ďábelské’ ódy", "Prilis zlutoucky kun - \"upel\" 'dabelske' ody")]
    [InlineData("Dobry den. Poslete cislo: 1 OP\n2 CP", "Dobry den. Poslete cislo: 1 OP\n2 CP")]
    [InlineData("a\u00A0b — c", "a b - c")]
    [InlineData("Добрий день, MěÚ й ї", "Добрий день, MeU й ї")]
    [InlineData("", "")]
    public void ToGsmFriendly_DropsLatinMarks_MakesQuotesAndDashesPlain_KeepsOtherScripts(string text, string plain) =>
        Assert.Equal(plain, SmsEncoding.ToGsmFriendly(text));

    [Theory]
    [InlineData("  zrušit \t\n  teď ", "ZRUSIT TED")]
    [InlineData("Jan\u0001Novák", "JAN NOVAK")]
    [InlineData("ANO", "ANO")]
    [InlineData("čau 😀", "CAU 😀")]
    [InlineData(" \t ", "")]
    public void Normalize_TrimsCollapsesSpacesAndControls_DropsMarks_UpperCases(string raw, string comparable) =>
        Assert.Equal(comparable, InputText.Normalize(raw));
}
