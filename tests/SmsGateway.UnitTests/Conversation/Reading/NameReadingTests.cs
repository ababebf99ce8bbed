using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Conversation.Reading;
using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Names as docs/conversation-reading.md ("Names") reads them.</summary>
public class NameReadingTests
{
    [Theory]
    [InlineData("Jmenuji se Jan Novák", "Jan Novák")]
    [InlineData("jmenuju se Jan Novák", "Jan Novák")]
    [InlineData("Jméno: Jan Novák", "Jan Novák")]
    [InlineData("jmeno a prijmeni: Jan Novák", "Jan Novák")]
    [InlineData("jsem Jan Novák", "Jan Novák")]
    [InlineData("My name is Jan Novák", "Jan Novák")]
    [InlineData("I'm Jan Novák", "Jan Novák")]
    public void Introduction_IsNotPartOfTheName(string message, string name) =>
        Assert.Equal($"name={name}", Read(message, "EnteringName"));

    [Theory]
    [InlineData("Ne Tran")]          // "ne" is no, but not the whole message
    [InlineData("Anna Ano")]
    [InlineData("Jan Pátek")]        // a weekday with a first name
    [InlineData("Sobota Jiří")]
    [InlineData("Marie Nováková-Svobodová")]
    [InlineData("O'Neill")]
    [InlineData("Ing. Jan Novák")]
    [InlineData("Novak")]            // not "nova k" (new, to)
    [InlineData("jana novakova")]    // case kept as typed
    public void AtTheNameStep_WhatIsNotWhollySomethingElse_IsTheName(string message) =>
        Assert.Equal($"name={message}", Read(message, "EnteringName"));

    [Theory]
    [InlineData("Pátek", "date=2026-11-27")] // a weekday alone fits as a day: the name must be more than that
    [InlineData("ne", "answer=No")]
    [InlineData("zpet", "keyword=Back")]
    [InlineData("zitra v 10", "date=2026-11-26 time=10:00")]
    public void AtTheNameStep_AMessageWhollyUnderstoodOtherwise_IsNotAName(string message, string reading) =>
        Assert.Equal(reading, Read(message, "EnteringName"));

    [Fact]
    public void NameKeepsDiacriticsAndCapitals_AndDropsAPoliteEnding()
    {
        var reading = Reader.Read("  Jana   Nováková , díky ", Context("EnteringName"));
        Assert.Equal("Jana Nováková", reading.Name);
    }

    [Theory]
    [InlineData("pas zitra v 10, Jan Novak", "Jan Novak")]        // set off by a comma
    [InlineData("Jan Novak, pas zitra v 10", "Jan Novak")]
    [InlineData("Pas zitra v 10 Jan Novak", "Jan Novak")]          // capitalized at the end
    [InlineData("OBCANKA ZITRA V 10 JAN NOVAK", "JAN NOVAK")]
    [InlineData("pas zitra v 10, jmenuji se Jan Novak", "Jan Novak")]
    public void BesideOtherThings_ANameIsFound(string message, string name) =>
        Assert.EndsWith($"name={name}", Read(message));

    [Theory]
    [InlineData("pas zitra v 10 jan novak")]        // lower case at the end: more often words the reader does not know
    [InlineData("obcanka zitra rano jestli muzu")]
    [InlineData("ztratil jsem obcanku")]              // "jsem" introduces a name only at the name step
    public void WordsTheReaderDoesNotKnow_AreNotTakenForAName(string message) =>
        Assert.DoesNotContain("name=", Read(message));

    [Theory]
    [InlineData("Novák 123")]
    [InlineData("李小龍")]
    [InlineData("J")]
    public void NotAName(string message) =>
        Assert.DoesNotContain("name=", Read(message, "EnteringName"));

    [Fact]
    public void HundredLettersAreAName_HundredAndOneAreNot()
    {
        Assert.NotNull(Reader.Read(new string('a', 100), Context("EnteringName")).Name);
        Assert.Null(Reader.Read(new string('a', 101), Context("EnteringName")).Name);
    }

    [Fact]
    public void AReadingWrittenToALog_NeverHoldsTheName()
    {
        var reading = Reader.Read("pas zitra v 10, Jan Novak", Context("Idle"));
        Assert.Equal("Jan Novak", reading.Name);
        Assert.DoesNotContain("Novak", reading.ToString());
        Assert.Contains("name", reading.ToString());
    }

    [Fact]
    public void ContextIsARecord_TheStepDecides()
    {
        var idle = new ReadingContext(ConversationState.Idle, Today);
        Assert.Null(Reader.Read("Jan Novák", idle).Name); // a name alone at the greeting names nothing to book
        Assert.Equal("Jan Novák", Reader.Read("Jan Novák", idle with { Step = ConversationState.EnteringName }).Name);
    }
}
