using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>The citizens' page lists the line's words from <see cref="Keywords.Listed"/>: every word there must be read
/// as its keyword, so that the page never promises a word the line does not understand.</summary>
public class ListedKeywordTests
{
    [Fact]
    public void EveryListedWord_AloneInAMessage_IsReadAsItsKeyword()
    {
        var misread = Keywords.Listed()
            .SelectMany(k => k.Words.Select(w => (k.Keyword, Word: w, Reading: ReadingFixture.Reader.Read(w, ReadingFixture.Context("Idle")))))
            .Where(x => !ReadAs(x.Reading, x.Keyword))
            .Select(x => $"{x.Word}: {ReadingDescription.Of(x.Reading)} instead of {x.Keyword}")
            .ToList();

        Assert.Empty(misread);
    }

    // Yes and no are the reading's answer, not a keyword: they mean something at the step that asked.
    private static bool ReadAs(MessageReading reading, Keyword keyword) => keyword switch
    {
        Keyword.Yes => reading.Answer == Answer.Yes,
        Keyword.No => reading.Answer == Answer.No,
        _ => reading.Keyword == keyword,
    };
}
