using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Yes and no as docs/conversation-reading.md ("Yes and no") writes them.</summary>
public class AnswerReadingTests
{
    [Theory]
    [InlineData("ano")]
    [InlineData("ANO")]
    [InlineData("Ano.")]
    [InlineData("jo")]
    [InlineData("jj")]
    [InlineData("ok")]
    [InlineData("potvrzuji")]
    [InlineData("potvrzuju")]
    [InlineData("potvrzjui")] // swapped letters
    [InlineData("souhlasim")]
    [InlineData("Souhlasím, děkuji")]
    [InlineData("no jo")]      // spoken Czech yes, though "no" alone is no
    [InlineData("anooo")]      // stretched
    [InlineData("yes")]
    [InlineData("y")]
    [InlineData("yep")]
    [InlineData("sure")]
    [InlineData("ok thanks")]
    public void Yes(string message) => Assert.Equal("answer=Yes", Read(message, "Confirming"));

    [Theory]
    [InlineData("ne")]
    [InlineData("NE")]
    [InlineData("nechci")]
    [InlineData("ne dekuji")]
    [InlineData("nehodi se mi to")]
    [InlineData("no")]
    [InlineData("nope")]
    public void No(string message) => Assert.Equal("answer=No", Read(message, "Confirming"));

    [Fact]
    public void YesFromAnOptedOutNumber_IsTwiliosOptIn_OtherwiseAConfirmation()
    {
        Assert.Equal("answer=Yes", Read("YES", "Confirming"));
        Assert.Equal("keyword=OptIn", Read("YES", "Idle/optout"));
        Assert.Equal("keyword=OptIn", Read("START", "Idle")); // START always lifts an opt-out (and opens the menu)
    }

    [Fact]
    public void NoWithACorrection_CarriesBoth() =>
        Assert.Equal("answer=No date=2026-12-01", Read("ne, radsi v utery", "Confirming"));

    [Fact]
    public void YesAndNoTogether_AreNeither() =>
        Assert.Equal("nothing", Read("ano ne", "Confirming"));

    [Fact]
    public void ConfirmationOfResidence_IsNotAYes() =>
        Assert.Equal("activity=EO/vypis", Read("potvrzeni o trvalem pobytu"));
}
