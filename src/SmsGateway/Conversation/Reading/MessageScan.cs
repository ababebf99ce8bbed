using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>One pass over a message's tokens: at each position a day, else a time, else the longest known phrase,
/// else an unknown word or a number. Records what each token turned out to be, and what was found.</summary>
internal sealed class MessageScan
{
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> GluePrepositionLookup =
        CalendarWords.GluePrepositions.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Longer words are not cut: three known words run together are shorter, and the cutting is cubic.</summary>
    private const int MaxGluedLength = 32;

    private readonly Lexicon _lexicon;

    /// <summary>Each typed word compared with the lexicon once per message.</summary>
    private readonly Dictionary<string, MatchQuality[]> _qualities = new(StringComparer.Ordinal);

    public MessageScan(List<Token> tokens, ReadingContext context, Lexicon lexicon)
    {
        _lexicon = lexicon;
        Tokens = Mend(tokens);
        Roles = new TokenRole[Tokens.Count];
        var i = 0;
        var dayEnd = -1;
        while (i < Tokens.Count)
        {
            var timeFirst = context.Step == ConversationState.ChoosingTime || Days is not null;
            if (DayReader.TryRead(Tokens, i, context.Today, timeFirst, numericOnly: false, out var days, out var length))
            {
                Days ??= days;
                Mark(i, length, TokenRole.Meaning);
                dayEnd = i + length;
            }
            else if (TimeReader.TryRead(Tokens, i, IsPartOfDay, writtenOnly: false, timeFirst, afterDay: i > 0 && i == dayEnd, out var time, out length))
            {
                Time ??= time;
                Mark(i, length, TokenRole.Meaning);
            }
            else
            {
                (length, var meanings) = OfficePhrase(i, context.Agenda);
                if (length > 0)
                {
                    Apply(meanings, i, length);
                }
                else
                {
                    length = 1;
                    Roles[i] = Tokens[i].IsNumber ? TokenRole.Number : TokenRole.Unknown;
                }
            }
            i += length;
        }
    }

    /// <summary>The longest known phrase at <paramref name="at"/>; but with an agenda chosen, a phrase that names only
    /// other agendas' activities gives way to a shorter one that names the chosen agenda's: at the passports' activities
    /// <c>podani zadosti</c> (the identity cards' activity name, the start of the passports' own, <c>Podani zadosti o
    /// pas</c>) is the passport application, as <c>podani</c> and <c>zadosti</c> each are.</summary>
    private (int Length, List<Meaning> Meanings) OfficePhrase(int at, BookingCore.Calendar.Agenda? chosen)
    {
        var (length, meanings) = _lexicon.Match(Tokens, at, _qualities);
        if (chosen is null || length < 2 || !meanings.TrueForAll(m => m.Kind == MeaningKind.Activity && m.Agenda != chosen))
        {
            return (length, meanings);
        }
        for (var shorter = length - 1; shorter > 0; shorter--)
        {
            var (l, m) = _lexicon.Match(Tokens, at, _qualities, shorter);
            if (m.Exists(x => x.Agenda == chosen))
            {
                return (l, m);
            }
        }
        return (length, meanings);
    }

    public List<Token> Tokens { get; }

    public TokenRole[] Roles { get; }

    public DateInterval? Days { get; private set; }

    public SpokenTime? Time { get; private set; }

    public PartOfDay? Part { get; private set; }

    public int Yes { get; private set; }

    public int No { get; private set; }

    public List<Keyword> Keywords { get; } = new();

    /// <summary>Keywords whose phrase also names an agenda or activity (<c>move</c>: PRESUN, and the register's
    /// change of address): no intent inside a sentence.</summary>
    public List<Keyword> SharedKeywords { get; } = new();

    /// <summary>Per agenda or activity phrase, what it may name (<c>zadost</c>: two activities).</summary>
    public List<List<Meaning>> OfficeHits { get; } = new();

    public int? Ordinal { get; private set; }

    /// <summary>A word for the earliest free time (<c>co nejdriv</c>, <c>kdykoli</c>) was written.</summary>
    public bool Earliest { get; private set; }

    /// <summary>Where the words after <c>jmenuji se</c> begin, or -1.</summary>
    public int IntroEnd { get; private set; } = -1;

    /// <summary>Where the words after a leading <c>jsem</c> / <c>I am</c> begin, or -1.</summary>
    public int SelfIntroEnd { get; private set; } = -1;

    public bool Has(TokenRole role) => Roles.Contains(role);

    private bool IsPartOfDay(int at) => _lexicon.Match(Tokens, at, _qualities).Meanings.Exists(m => m.Kind == MeaningKind.PartOfDay);

    private void Mark(int at, int length, TokenRole role)
    {
        for (var k = at; k < at + length; k++)
        {
            Roles[k] = role;
        }
    }

    private void Apply(List<Meaning> meanings, int at, int length)
    {
        var role = TokenRole.Filler;
        var hits = new List<Meaning>();
        var answered = false;
        foreach (var m in meanings)
        {
            switch (m.Kind)
            {
                case MeaningKind.Keyword:
                    if (!Keywords.Contains(m.Keyword))
                    {
                        Keywords.Add(m.Keyword);
                    }
                    role = role == TokenRole.Meaning ? role : TokenRole.Keyword;
                    break;
                case MeaningKind.Answer when !answered:
                    answered = true;
                    if (m.Answer == Answer.Yes)
                    {
                        Yes++;
                    }
                    else
                    {
                        No++;
                    }
                    role = TokenRole.Meaning;
                    break;
                case MeaningKind.PartOfDay:
                    Part ??= m.Part;
                    role = TokenRole.Meaning;
                    break;
                case MeaningKind.Ordinal:
                    Ordinal ??= m.Number;
                    role = TokenRole.Meaning;
                    break;
                case MeaningKind.Agenda:
                case MeaningKind.Activity:
                    hits.Add(m);
                    role = TokenRole.Meaning;
                    break;
                case MeaningKind.Earliest:
                    Earliest = true;
                    break;
                case MeaningKind.NameIntro:
                    if (IntroEnd < 0)
                    {
                        IntroEnd = at + length;
                    }
                    role = role is TokenRole.Filler ? TokenRole.Intro : role;
                    break;
                case MeaningKind.SelfIntro:
                    if (at == 0)
                    {
                        SelfIntroEnd = length;
                    }
                    role = role is TokenRole.Filler ? TokenRole.Intro : role;
                    break;
            }
        }
        if (hits.Count > 0)
        {
            OfficeHits.Add(hits);
            SharedKeywords.AddRange(meanings.Where(m => m.Kind == MeaningKind.Keyword).Select(m => m.Keyword));
        }
        Mark(at, length, role);
    }

    /// <summary>Mends words phones mangle before reading: stretched letters (<c>anooo</c>) and words run together
    /// (<c>vpondeli</c>, <c>zitrav</c> from <c>zitrav10</c>, <c>obcankuzitra</c>). Only a word that is not known as it
    /// stands is mended, and only into known words, so a surname is left alone unless it is made of known words.</summary>
    private List<Token> Mend(List<Token> tokens)
    {
        var mended = new List<Token>(tokens.Count);
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            // Known as written: left alone. Known only within a typo ("zitrav" is one letter from "zitra"): a glued word
            // is tried first, so that "zitrav10" is "zitra v 10".
            if (!token.IsWord || KnownAsWritten(token.Text))
            {
                mended.Add(token);
                continue;
            }
            var collapsed = Collapse(token.Text);
            if (collapsed != token.Text && Known(collapsed))
            {
                mended.Add(token with { Text = collapsed });
                continue;
            }
            var pieces = new List<string>();
            var numberFollows = i + 1 < tokens.Count && tokens[i + 1].IsNumber && !tokens[i + 1].Break;
            if (token.Text.Length is >= 4 and <= MaxGluedLength && token.Text.All(char.IsLetter) && Segment(token.Text, 0, numberFollows, pieces))
            {
                for (var p = 0; p < pieces.Count; p++)
                {
                    mended.Add(token with { Text = pieces[p], Break = p == 0 && token.Break });
                }
                continue;
            }
            mended.Add(token);
        }
        return mended;
    }

    private bool KnownAsWritten(string word) => _lexicon.Knows(word) || CalendarWords.Knows(word);

    private bool Known(string word) =>
        _lexicon.Match([new Token(word, 0, 0, false)], 0, _qualities).Length > 0
        || CalendarWords.Knows(word) || CalendarWords.TryWeekday(word, out _) || CalendarWords.TryMonth(word, out _) || CalendarWords.TryDayWord(word, out _);

    /// <summary>Cuts <paramref name="word"/> from <paramref name="from"/> into at most three known pieces, each a
    /// preposition (<c>v</c>, <c>na</c>, <c>at</c>, ...) or a known word of three letters or more. A preposition ends
    /// the word only before a number (<c>zitrav</c> of <c>zitrav10</c>): <c>Novak</c> is not <c>nova k</c>.</summary>
    private bool Segment(string word, int from, bool numberFollows, List<string> pieces)
    {
        if (from == word.Length)
        {
            return pieces.Count >= 2;
        }
        if (pieces.Count == 3)
        {
            return false;
        }
        for (var end = word.Length; end > from; end--)
        {
            if (end - from == word.Length)
            {
                continue;
            }
            var piece = word.AsSpan(from, end - from);
            var fits = GluePrepositionLookup.Contains(piece) && (end < word.Length || numberFollows)
                || piece.Length >= 3 && (_lexicon.Knows(piece) || CalendarWords.Knows(piece));
            if (!fits)
            {
                continue;
            }
            pieces.Add(piece.ToString());
            if (Segment(word, end, numberFollows, pieces))
            {
                return true;
            }
            pieces.RemoveAt(pieces.Count - 1);
        }
        return false;
    }

    private static string Collapse(string word)
    {
        var chars = new List<char>(word.Length);
        foreach (var c in word)
        {
            if (chars.Count == 0 || chars[^1] != c)
            {
                chars.Add(c);
            }
        }
        return new string(chars.ToArray());
    }
}
