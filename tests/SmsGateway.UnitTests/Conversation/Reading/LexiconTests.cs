using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>The lexicon as data (<c>Reading/Words/*.json</c>): one list of keywords that the reader and
/// <see cref="Keywords.Parse"/> agree on, and an office's additions (<c>Conversation:Words</c>) checked as the texts'
/// overrides are: each problem names its key (that it stops start-up is <see cref="TextOverrideTests"/>'s).</summary>
public class LexiconTests
{
    private static Dictionary<string, Dictionary<string, List<string>>> Words(string language, string meaning, params string[] words) =>
        new() { [language] = new() { [meaning] = words.ToList() } };

    [Fact]
    public void EveryKeywordPhraseOfTheLexicon_AloneInAMessage_IsThatKeyword_ToTheReaderAndToParse()
    {
        var disagreements = new List<string>();
        foreach (var keyword in Enum.GetValues<Keyword>())
        {
            foreach (var word in Vocabulary.Shipped.Of(keyword.ToString()).Where(w => !Keywords.OptOutWords.Contains(w.Folded)))
            {
                var parsed = Keywords.Parse(word.Folded).Keyword;
                var read = ReadingFixture.Reader.Read(word.Written, ReadingFixture.Context("Idle"));
                var readAs = keyword switch
                {
                    Keyword.Yes => read.Answer == Answer.Yes,
                    Keyword.No => read.Answer == Answer.No,
                    _ => read.Keyword == keyword,
                };
                if (parsed != keyword || !readAs)
                {
                    disagreements.Add($"{word.Written}: parsed {parsed}, read {ReadingDescription.Of(read)}, the lexicon says {keyword}");
                }
            }
        }
        Assert.Empty(disagreements);
    }

    [Theory]
    [InlineData("MOJE REZERVACE", Keyword.MyBookings)] // nothing to Parse when it had its own list: the busy-time exemption missed it
    [InlineData("nemuzu prijit", Keyword.Cancel)]
    [InlineData("STORNO K7M3QX", Keyword.Cancel)]
    [InlineData("moje jmeno", Keyword.None)]
    [InlineData("Ne Tran", Keyword.None)] // a name at the name step
    public void Parse_ReadsTheLexiconsKeywords(string text, Keyword keyword) =>
        Assert.Equal(keyword, Keywords.Parse(InputText.Normalize(text)).Keyword);

    [Fact]
    public void ListedWords_AreTheLexiconsStarredOnes_AsWritten()
    {
        var listed = Keywords.Listed().ToDictionary(k => k.Keyword, k => k.Words);
        Assert.Equal(["STORNO", "ZRUSIT", "СКАСУВАТИ"], listed[Keyword.Cancel]);
        Assert.Contains("МОЇ", listed[Keyword.MyBookings]); // as Ukrainian writes it, not folded
        Assert.DoesNotContain("CANCEL", listed[Keyword.Cancel]); // Twilio's opt-out word alone
    }

    [Fact]
    public void ValidAdditions_PassAndAreRead()
    {
        var words = Words("cs", "Cancel", "odhlásit termín");
        words["cs"]["Earliest"] = ["kdy chcete"];
        Assert.Empty(Vocabulary.Validate(words, "Conversation:Words"));
        var reader = new MessageReader(ReadingFixture.Office, Vocabulary.With(words));
        Assert.Equal(Keyword.Cancel, reader.Read("odhlasit termin", ReadingFixture.Context("Idle")).Keyword);
        Assert.True(reader.Read("kdy chcete", ReadingFixture.Context("ChoosingTime:OP")).Earliest);
        Assert.Equal(Keyword.None, ReadingFixture.Reader.Read("odhlasit termin", ReadingFixture.Context("Idle")).Keyword); // not shipped
    }

    [Theory]
    [InlineData("de", "Cancel", "abbrechen", "Conversation:Words:de: no such language (one of cs, en, uk)")]
    [InlineData("cs", "Cancell", "odhlasit", "Conversation:Words:cs:Cancell: no such meaning")]
    [InlineData("cs", "Monday", "pondelek", "Conversation:Words:cs:Monday: the weekday words are the same for every office; add none")]
    [InlineData("cs", "Cancel", " ", "Conversation:Words:cs:Cancel:0: is empty")]
    [InlineData("cs", "No", "ano", "Conversation:Words:cs:No:0: 'ano' means Yes already")]
    [InlineData("uk", "Yes", "ні", "Conversation:Words:uk:Yes:0: 'ні' means No already")]
    [InlineData("en", "AskFee", "opening hours", "Conversation:Words:en:AskFee:0: 'opening hours' means AskHours already")]
    public void BrokenAdditions_AreNamedByTheirKey(string language, string meaning, string word, string error) =>
        Assert.StartsWith(error, Assert.Single(Vocabulary.Validate(Words(language, meaning, word), "Conversation:Words")));

    /// <summary>A form is read before the words of every step (MessageReader), by its first word: a form word that is a
    /// keyword or an answer took it over (<c>FreeTimes: ano</c> made every ANO a free-times question, so nothing could be
    /// confirmed), and one of several words never started its form. Twilio's opt-out words block the number (CONTRACT:
    /// never used for anything else), so a lone one opted the citizen out instead of doing what the office meant.</summary>
    [Theory]
    [InlineData("cs", "FreeTimes", "ano", "Conversation:Words:cs:FreeTimes:0: 'ano' is the answer Yes already; a form word would take it over")]
    [InlineData("cs", "QuickBooking", "storno", "Conversation:Words:cs:QuickBooking:0: 'storno' is the keyword Cancel already; a form word would take it over")]
    [InlineData("en", "QuickBooking", "book now", "Conversation:Words:en:QuickBooking:0: 'book now' is more than one word; a form starts with one")]
    [InlineData("cs", "StopWatching", "uz nechci", "Conversation:Words:cs:StopWatching:0: 'uz nechci' is more than one word; a form starts with one")]
    [InlineData("en", "Cancel", "cancel", "Conversation:Words:en:Cancel:0: 'cancel' is Twilio's opt-out word; it can mean nothing else")]
    [InlineData("cs", "Help", "Stop", "Conversation:Words:cs:Help:0: 'Stop' is Twilio's opt-out word; it can mean nothing else")]
    [InlineData("en", "FreeTimes", "quit", "Conversation:Words:en:FreeTimes:0: 'quit' is Twilio's opt-out word; it can mean nothing else")]
    public void FormAndOptOutClashes_AreRefused(string language, string meaning, string word, string error) =>
        Assert.Equal(error, Assert.Single(Vocabulary.Validate(Words(language, meaning, word), "Conversation:Words")));

    [Fact]
    public void AWordEndingTheWatches_MayBeAKeywordToo() =>
        Assert.Empty(Vocabulary.Validate(Words("cs", "StopWatching", "odhlasit"), "Conversation:Words")); // read only after HLIDAT

    [Fact]
    public void TwoAdditionsGivingOneWordTwoMeanings_AreRefused()
    {
        var words = Words("cs", "Yes", "jasnacka");
        words["cs"]["No"] = ["jasnacka"];
        Assert.Equal("Conversation:Words:cs:No:0: 'jasnacka' means Yes already", Assert.Single(Vocabulary.Validate(words, "Conversation:Words")));
    }

    [Fact]
    public void AWordWithAnApostrophe_IsReadWithAnyApostropheOrNone()
    {
        foreach (var written in new[] { "о дев'ятій", "о дев’ятій", "о девятій" })
        {
            Assert.Equal(new NodaTime.LocalTime(9, 0), ReadingFixture.Reader.Read(written, ReadingFixture.Context("ChoosingTime:CP")).Time);
        }
    }
}
