using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Conversation.Reading;
using static SmsBooking.SmsGateway.Tests.Conversation.Reading.ReadingFixture;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Whatever arrives, the reader answers with a reading and never throws: a webhook must not turn a strange
/// SMS into a 500.</summary>
public class HostileInputReadingTests
{
    private static readonly string[] Steps =
    [
        "Idle", "ChoosingAgenda", "ChoosingActivity:OP", "ChoosingDay:OP", "ChoosingTime:OP", "EnteringName", "Confirming", "ChoosingCancellation",
    ];

    private static readonly string[] Pieces =
    [
        "pas", "zitra", "v", "10", "9:30", "15.12.", "3/4", "na", "pul", "desate", "OBJ", "VOLNO", "STORNO", "ZOP", "Jan", "Novák",
        "ano", "ne", ",", ".", "?", "!", ":", "-", "'", "  ", "\n", "\t", "😀", "\uD83D", "\uFFFE", "\uFFFF", "\u0301", "ř", "李",
        "0", "99999999999999999999", "31.02.", "25:99", "1/2", "a.m.", "pm", "h", "jmenuji se", "my name is", "START", "YES", "STOP",
        "", "z", "zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz", "\u200B", "<b>", "&amp;",
    ];

    [Fact]
    public void RandomJunk_IsReadWithoutThrowing_AtEveryStep()
    {
        var random = new Random(1506); // fixed: a failure reproduces
        for (var n = 0; n < 3000; n++)
        {
            var message = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => Pieces[random.Next(Pieces.Length)] + (random.Next(3) == 0 ? "" : " ")));
            var step = Steps[random.Next(Steps.Length)];
            var reading = Reader.Read(message, Context(step));
            Assert.NotNull(reading);
            if (reading.Name is { } name)
            {
                Assert.InRange(name.Length, 2, 100);
            }
        }
    }

    [Theory]
    [InlineData(1600)]
    [InlineData(5000)]
    public void VeryLongMessages_AreRead(int length)
    {
        Assert.NotNull(Reader.Read(new string('a', length), Context("EnteringName")));
        Assert.NotNull(Reader.Read(string.Concat(Enumerable.Repeat("pas zitra ", length / 10)), Context("Idle")));
        Assert.NotNull(Reader.Read(string.Concat(Enumerable.Repeat("9", length)), Context("ChoosingTime:OP")));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("...")]
    [InlineData("😀😀")]
    public void NothingToRead_IsNothing(string? message) =>
        Assert.False(Reader.Read(message, new ReadingContext(ConversationState.Idle, Today)).Understood);
}
