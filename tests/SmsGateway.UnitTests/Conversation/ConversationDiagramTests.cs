using SmsBooking.SmsGateway.Conversation;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation;

public class ConversationDiagramTests
{
    private static readonly string DocPath = Path.Combine(TestOffice.RepositoryRoot, "docs", "conversation.md");

    /// <summary>docs/conversation.md carries the machine's Mermaid diagram; it must be what the code builds.
    /// Run with SMSBOOKING_UPDATE_DOCS=1 to rewrite it.</summary>
    [Fact]
    public void DocsDiagram_IsTheMachineAsBuilt()
    {
        var expected = ConversationMachine.Diagram().ReplaceLineEndings("\n").Trim();
        var doc = File.ReadAllText(DocPath).ReplaceLineEndings("\n");
        const string Open = "```mermaid\n";
        var start = doc.IndexOf(Open, StringComparison.Ordinal) + Open.Length;
        var end = doc.IndexOf("```", start, StringComparison.Ordinal);
        if (Environment.GetEnvironmentVariable("SMSBOOKING_UPDATE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, doc[..start] + expected + "\n" + doc[end..]);
            return;
        }
        Assert.True(start >= Open.Length && end >= start, "docs/conversation.md has no ```mermaid block");
        Assert.Equal(expected, doc[start..end].Trim());
    }
}
