using System.Xml.Linq;
using SmsBooking.SmsGateway.Twilio;
using Twilio.TwiML;

namespace SmsBooking.SmsGateway.Tests.Twilio;

public class TwimlWriterTests
{
    [Theory]
    [InlineData("Tom & Jerry <b>\"quoted\" 'single'</b>")]
    [InlineData("]]><![CDATA[x]]>")]
    [InlineData("line 1\nline 2")]
    [InlineData("😀 Příliš žluťoučký")]
    public void Message_EscapesAndRoundTrips(string text)
    {
        var xml = TwimlWriter.Message(text);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?><Response><Message>", xml); // as Twilio's library writes it
        Assert.Equal(text, XDocument.Parse(xml).Root!.Element("Message")!.Value);
    }

    [Theory]
    [InlineData("Dobry den. Poslete cislo agendy: 1 Obcanske prukazy")]
    [InlineData("Tom & Jerry <b>\"quoted\" 'single'</b> ]]>")]
    [InlineData("crlf\r\nlf\ncr\rtab\t end ")]
    [InlineData("😀 Příliš žluťoučký кінь\u0085\u2028")]
    [InlineData("")]
    public void Message_IsWhatTheLibrarysOwnToStringWrites(string text) =>
        Assert.Equal(new MessagingResponse().Message(text).ToString(SaveOptions.DisableFormatting), TwimlWriter.Message(text));

    [Fact]
    public void AnswersOneAfterAnother_OnOneThreadAndOnMany_EachAsTheLibraryWritesIt()
    {
        var texts = Enumerable.Range(0, 200).Select(i => i % 7 == 0 ? "" : $"odpoved {i} & <{new string('x', i * 13)}>").ToArray();
        foreach (var text in texts)
        {
            Assert.Equal(new MessagingResponse().Message(text).ToString(SaveOptions.DisableFormatting), TwimlWriter.Message(text));
        }
        Parallel.ForEach(texts, text =>
            Assert.Equal(new MessagingResponse().Message(text).ToString(SaveOptions.DisableFormatting), TwimlWriter.Message(text)));
    }

    [Fact]
    public void Empty_IsWhatTheLibrarysOwnToStringWrites() =>
        Assert.Equal(new MessagingResponse().ToString(SaveOptions.DisableFormatting), TwimlWriter.Empty());

    [Fact]
    public void Message_DropsCharactersXmlCannotCarry()
    {
        var xml = TwimlWriter.Message("a\u0001b\u001bc\uFFFEd");
        Assert.Equal("abcd", XDocument.Parse(xml).Root!.Element("Message")!.Value);
    }

    [Fact]
    public void Empty_IsAnEmptyResponse() =>
        Assert.Empty(XDocument.Parse(TwimlWriter.Empty()).Root!.Elements());
}
