namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Words understood at every step (docs/conversation-reading.md, "Words for every step").</summary>
public enum Keyword
{
    None,
    Back,
    Restart,
    Cancel,
    MyBookings,
    Help,
    English,
    Czech,
    /// <summary><c>UA</c>, <c>УКР</c>: the conversation in Ukrainian.</summary>
    Ukrainian,
    More,
    Yes,
    No,
    /// <summary>Twilio's opt-out words: record the opt-out and say nothing.</summary>
    OptOut,
    /// <summary><c>START</c>, <c>UNSTOP</c>: lift an opt-out; otherwise open the menu from the start.</summary>
    OptIn,
    /// <summary><c>FRONTA</c>, <c>QUEUE</c>: how busy the counters are now (<see cref="Queue.QueueStatus"/>).</summary>
    Queue,
    /// <summary><c>PRESUN</c>, <c>MOVE</c> (<c>PRESUN K7M3QX</c>, <c>PRESUN K7M3QX zitra v 10</c>): move a booking to
    /// another day or time (docs/conversation.md, "Moving a booking").</summary>
    Move,
    /// <summary><c>HLIDAT</c>, <c>WATCH</c> (<c>HLIDAT ZOP 10.12.-20.12.</c>, <c>HLIDAT STOP</c>): be told when a slot
    /// frees (docs/conversation.md, "Watching for an earlier slot").</summary>
    Watch,
}

/// <summary>Recognizes keywords in normalized input (see <see cref="InputText"/>).</summary>
public static class Keywords
{
    /// <summary>Twilio's default opt-out words; Twilio blocks the number on them, so they mean nothing else here.</summary>
    public static readonly IReadOnlySet<string> OptOutWords = new HashSet<string>
    {
        "STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE", "OPTOUT",
    };

    /// <summary>Twilio's default opt-in words: any of them lifts an opt-out. Only <c>START</c> and <c>UNSTOP</c> mean
    /// "start over" otherwise; <c>YES</c> from a number that is not opted out is a plain yes (docs/conversation-reading.md, "How a message is read").</summary>
    public static readonly IReadOnlySet<string> OptInWords = new HashSet<string> { "START", "UNSTOP", "YES" };

    /// <summary>The keywords, yes and no of the lexicon (<c>Reading/Words/*.json</c>), by meaning: the one list the reader,
    /// <see cref="Parse"/> and the citizens' page (<see cref="Listed"/>) read.</summary>
    private static readonly IReadOnlyList<(Keyword Keyword, IReadOnlyList<Reading.VocabularyWord> Words)> Lexicon =
        Enum.GetValues<Keyword>()
            .Where(k => k is not (Keyword.None or Keyword.OptOut or Keyword.OptIn))
            .Select(k => (k, Reading.Vocabulary.Shipped.Of(k.ToString())))
            .Where(k => k.Item2.Count > 0)
            .ToList();

    /// <summary>Every phrase that is a keyword (yes and no too) when it is the whole message, folded.</summary>
    private static readonly Dictionary<string, Keyword> Phrases = Lexicon
        .SelectMany(k => k.Words.Select(w => (w.Folded, k.Keyword)))
        .DistinctBy(p => p.Folded)
        .ToDictionary(p => p.Folded, p => p.Keyword, StringComparer.Ordinal);

    /// <summary>The words that start a keyword's form and take what follows (<c>STORNO K7M3QX</c>): marked <c>^</c>.</summary>
    private static readonly Dictionary<string, Keyword> Heads = Lexicon
        .SelectMany(k => k.Words.Where(w => w.Head).Select(w => (w.Folded, k.Keyword)))
        .DistinctBy(p => p.Folded)
        .ToDictionary(p => p.Folded, p => p.Keyword, StringComparer.Ordinal);

    /// <summary>Every word the line understands at any step that the citizens' page lists (marked <c>*</c> in the
    /// lexicon), by its keyword, as written there; then Twilio's opt-out and opt-in words.</summary>
    public static IEnumerable<(Keyword Keyword, IReadOnlyList<string> Words)> Listed() =>
        Lexicon.Select(k => (k.Keyword, (IReadOnlyList<string>)k.Words.Where(w => w.Listed).Select(w => w.Written).Distinct().ToList()))
            .Where(k => k.Item2.Count > 0)
            .Append((Keyword.OptOut, OptOutWords.ToList()))
            .Append((Keyword.OptIn, (IReadOnlyList<string>)["START", "UNSTOP"]));

    /// <summary>The keyword and what follows it (<c>STORNO K7M3QX</c> → Cancel, "K7M3QX").</summary>
    public static (Keyword Keyword, string Argument) Parse(string normalized)
    {
        if (OptOutWords.Contains(normalized))
        {
            return (Keyword.OptOut, "");
        }
        if (normalized is "START" or "UNSTOP")
        {
            return (Keyword.OptIn, "");
        }
        var whole = normalized.TrimEnd('.', '!', '?', ' ');
        if (Phrases.TryGetValue(whole, out var keyword))
        {
            return (keyword, "");
        }
        // A head takes what follows it (a booking code); any other keyword must be the whole message, so that a name
        // such as "Ne Tran" typed at the name step is a name. Only STORNO (СКАСУВАТИ, ZRUSIT) takes an argument here.
        var space = normalized.IndexOf(' ');
        var head = space < 0 ? normalized : normalized[..space];
        var rest = space < 0 ? "" : normalized[(space + 1)..];
        if (rest.Length == 0 || !Heads.TryGetValue(head.TrimEnd('.', '!', '?', ':'), out keyword) || keyword != Keyword.Cancel)
        {
            return (Keyword.None, "");
        }
        return (keyword, rest);
    }
}
