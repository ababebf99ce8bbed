using SmsBooking.TestSupport;
using Xunit.Abstractions;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>Messages as citizens write them (corpus.txt beside this file), each with the step and the expected
/// reading. Add a line whenever a message is misread.</summary>
public class ReadingCorpusTests(ITestOutputHelper output)
{
    private static readonly string CorpusPath = Path.Combine(TestOffice.RepositoryRoot, "tests", "SmsGateway.UnitTests", "Conversation", "Reading", "corpus.txt");

    [Fact]
    public void EveryCorpusMessage_IsReadAsExpected()
    {
        var lines = File.ReadAllLines(CorpusPath);
        var counts = new Dictionary<string, int>();
        var failures = new List<string>();
        for (var n = 0; n < lines.Length; n++)
        {
            var line = lines[n];
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            var columns = line.Split('|');
            if (columns.Length != 4)
            {
                failures.Add($"line {n + 1}: not 'language | step | message | reading': {line}");
                continue;
            }
            var (language, step, message, expected) = (columns[0].Trim(), columns[1].Trim(), columns[2].Trim(), ReadingDescription.Canonical(columns[3]));
            counts[language] = counts.GetValueOrDefault(language) + 1;
            var actual = ReadingFixture.Read(message, step);
            if (actual != expected)
            {
                failures.Add($"line {n + 1}: [{step}] '{message}'\n    expected {expected}\n    read     {actual}");
            }
        }
        output.WriteLine($"Corpus: {counts.GetValueOrDefault("cs")} Czech, {counts.GetValueOrDefault("en")} English and {counts.GetValueOrDefault("uk")} Ukrainian messages, {failures.Count} misread");
        Console.WriteLine($"Reading corpus: {counts.GetValueOrDefault("cs")} Czech, {counts.GetValueOrDefault("en")} English and {counts.GetValueOrDefault("uk")} Ukrainian messages, {failures.Count} misread");
        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.True(counts.GetValueOrDefault("cs") >= 300, $"only {counts.GetValueOrDefault("cs")} Czech messages");
        Assert.True(counts.GetValueOrDefault("en") >= 60, $"only {counts.GetValueOrDefault("en")} English messages");
        Assert.True(counts.GetValueOrDefault("uk") >= 30, $"only {counts.GetValueOrDefault("uk")} Ukrainian messages");
    }
}
