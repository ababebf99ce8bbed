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

    private static readonly Dictionary<string, Keyword> Words = new()
    {
        ["ZPET"] = Keyword.Back,
        ["BACK"] = Keyword.Back,
        ["ZNOVU"] = Keyword.Restart,
        ["MENU"] = Keyword.Restart,
        ["STORNO"] = Keyword.Cancel,
        ["ZRUSIT"] = Keyword.Cancel,
        ["MOJE"] = Keyword.MyBookings,
        ["MY"] = Keyword.MyBookings,
        ["POMOC"] = Keyword.Help,
        ["HELP"] = Keyword.Help,
        ["INFO"] = Keyword.Help,
        ["EN"] = Keyword.English,
        ["ENGLISH"] = Keyword.English,
        ["CZ"] = Keyword.Czech,
        ["CS"] = Keyword.Czech,
        ["CESKY"] = Keyword.Czech,
        ["DALSI"] = Keyword.More,
        ["MORE"] = Keyword.More,
        ["ANO"] = Keyword.Yes,
        ["OK"] = Keyword.Yes,
        ["YES"] = Keyword.Yes,
        ["Y"] = Keyword.Yes,
        ["YEP"] = Keyword.Yes,
        ["SURE"] = Keyword.Yes,
        ["NE"] = Keyword.No,
        ["NO"] = Keyword.No,
        ["FRONTA"] = Keyword.Queue,
        ["QUEUE"] = Keyword.Queue,
        // Ukrainian, folded as InputText folds them (Ї becomes І, Й becomes И).
        ["UA"] = Keyword.Ukrainian,
        ["УКР"] = Keyword.Ukrainian,
        ["НАЗАД"] = Keyword.Back,
        ["МЕНЮ"] = Keyword.Restart,
        ["СКАСУВАТИ"] = Keyword.Cancel,
        ["МОІ"] = Keyword.MyBookings,
        ["ДОПОМОГА"] = Keyword.Help,
        ["ДАЛІ"] = Keyword.More,
        ["ТАК"] = Keyword.Yes,
        ["НІ"] = Keyword.No,
        ["ЧЕРГА"] = Keyword.Queue,
    };

    /// <summary>Words that start a request of their own (<c>PRESUN K7M3QX</c>, <c>HLIDAT ZOP 10.12.-20.12.</c>), read by
    /// <see cref="Reading.MessageReader"/> at the head of a message.</summary>
    public static readonly IReadOnlyDictionary<Keyword, IReadOnlyList<string>> RequestWords = new Dictionary<Keyword, IReadOnlyList<string>>
    {
        [Keyword.Move] = ["PRESUN", "MOVE", "ПЕРЕНЕСТИ"],
        [Keyword.Watch] = ["HLIDAT", "WATCH"],
    };

    /// <summary>Every word the line understands at any step, by its keyword, in this list's order (the citizens' page
    /// lists them from here, so that it says what the line reads): the words above, the requests', Twilio's
    /// opt-out and opt-in words.</summary>
    public static IEnumerable<(Keyword Keyword, IReadOnlyList<string> Words)> Listed() =>
        Words.GroupBy(w => w.Value).Select(g => (g.Key, (IReadOnlyList<string>)g.Select(w => w.Key).ToList()))
            .Concat(RequestWords.Select(r => (r.Key, r.Value)))
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
        var space = normalized.IndexOf(' ');
        var head = space < 0 ? normalized : normalized[..space];
        var rest = space < 0 ? "" : normalized[(space + 1)..];
        if (!Words.TryGetValue(head.TrimEnd('.', '!', '?'), out var keyword))
        {
            return (Keyword.None, "");
        }
        // Only STORNO (СКАСУВАТИ) takes an argument (a booking code). Any other keyword must be the whole message, so that a
        // name such as "Ne Tran" typed at the name step is a name.
        if (rest.Length > 0 && keyword != Keyword.Cancel)
        {
            return (Keyword.None, "");
        }
        return (keyword, rest);
    }
}
