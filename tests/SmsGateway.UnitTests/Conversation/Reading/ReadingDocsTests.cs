using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>docs/conversation-reading.md is the conversation's contract: every row of its example tables
/// (<c>| Step | Message | Reading |</c>) must be what the reader reads.</summary>
public class ReadingDocsTests
{
    private static readonly string DocPath = Path.Combine(TestOffice.RepositoryRoot, "docs", "conversation-reading.md");

    public static TheoryData<int, string, string, string> Examples()
    {
        var data = new TheoryData<int, string, string, string>();
        var lines = File.ReadAllLines(DocPath);
        var inExamples = false;
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n].Trim();
            if (!line.StartsWith('|'))
            {
                inExamples = false;
                continue;
            }
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells is ["Step", "Message", "Reading"])
            {
                inExamples = true;
                continue;
            }
            if (inExamples && cells.Length == 3 && !cells[0].StartsWith("---", StringComparison.Ordinal))
            {
                data.Add(n + 1, cells[0].Trim('`'), cells[1].Trim('`'), cells[2].Trim('`'));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void DocumentedExample_IsWhatTheReaderReads(int line, string step, string message, string reading) =>
        Assert.True(ReadingDescription.Canonical(reading) == ReadingFixture.Read(message, step),
            $"docs/conversation-reading.md line {line}: [{step}] '{message}' is documented as {reading}, read as {ReadingFixture.Read(message, step)}");

    [Fact]
    public void TheDocumentHasExamples() => Assert.True(Examples().Count >= 60, $"only {Examples().Count} examples found");
}
