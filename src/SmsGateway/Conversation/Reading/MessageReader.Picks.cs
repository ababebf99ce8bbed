using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A number picked from the list shown, alone or with more after it (docs/conversation-reading.md, "Numbers").</summary>
public sealed partial class MessageReader
{
    /// <summary>At the agenda, activity or day list, a number from it first and then only a time, a part of the day,
    /// the earliest, a name, or (not at the day list, which holds days) a day: <c>1 v utery</c>, <c>2, zitra v 10</c>,
    /// <c>1 odpoledne</c>, <c>1 co nejdriv</c>, <c>1 Jan Novak</c>, and at the day list <c>2 rano</c> (the second day,
    /// in the morning), <c>2 v 10</c>, <c>1 co nejdriv</c> (that day's earliest free time). The pick, with those for the
    /// later steps: the number is the pick, not an hour (<c>1 odpoledne</c> is no 13:00, <c>2 rano</c> no 02:00); what
    /// follows it is read as a message of its own. A number with an hour's word of its own (<c>2 pm</c>, <c>2 hod</c>)
    /// is an hour. A month's name after the pick with a word after it begins a name (<c>1 Jan Novak</c>, <c>1 jan
    /// novak</c>), not 1 January; without one (<c>1 Jan</c>), or with a number not on the list (<c>5 Jan</c>), it is a
    /// date. At the time list only a name goes with the pick (<c>1 Jan Novak</c>): the time held and the name taken;
    /// anything else after a number there reads as ever (<c>2 rano</c> is 02:00).</summary>
    private MessageReading? PickWithMore(string raw, MessageScan scan, ReadingContext context)
    {
        var first = Enumerable.Range(0, scan.Tokens.Count).FirstOrDefault(k => scan.Roles[k] is not (TokenRole.Filler or TokenRole.Intro), -1);
        var atDays = context.Step == ConversationState.ChoosingDay;
        var atTimes = context.Step == ConversationState.ChoosingTime;
        if (context.Step is not (ConversationState.ChoosingAgenda or ConversationState.ChoosingActivity or ConversationState.ChoosingDay
                or ConversationState.ChoosingTime) || first < 0
            || PickedNumber(raw, scan, first, context) is not { } n || context.Shown.Pick(n) is not { } picked
            || atDays && scan.Tokens[first].IsPlainNumber(out _) && TimeReader.TryRead(scan.Tokens, first, _ => false, writtenOnly: false, timeFirst: false, afterDay: false, out _, out var hour) && hour > 1)
        {
            return null;
        }
        var after = raw[scan.Tokens[first].End..];
        var rest = ReadWhole(after, context);
        if (atTimes && !(rest.Name is not null && rest is { Days: null, Time: null, PartOfDay: null, Earliest: false }) && rest.Understood)
        {
            return null; // at the time list only a name goes with the pick (2 rano there is read as ever)
        }
        if (SaysOnlyWhenOrWho(rest) && !(atDays && rest.Days is not null))
        {
            return picked with { Days = picked.Days ?? rest.Days, Time = rest.Time, PartOfDay = rest.PartOfDay, Earliest = rest.Earliest, Name = rest.Name };
        }
        if (rest.Understood)
        {
            return null;
        }
        // Only a name after the pick (2 Petr Dvorak, 1 Jan Novak): read as a name beside the pick.
        if (NameReader.FindName(after, new MessageScan(Tokenizer.Split(after, _lexicon.IsCode), context, _lexicon), besidePick: true) is { } name)
        {
            return picked with { Name = name };
        }
        return !atTimes && MonthBeginsAName(scan, first, context) ? picked : null;
    }

    /// <summary>The number the token at <paramref name="at"/> picks: written (<c>2</c>, unsigned) or an ordinal's word
    /// (<c>druhy rano</c>, <c>second morning</c>); null for any other token.</summary>
    private int? PickedNumber(string raw, MessageScan scan, int at, ReadingContext context)
    {
        var token = scan.Tokens[at];
        if (token.IsPlainNumber(out var n))
        {
            return Signed(raw, token) ? null : n;
        }
        return scan.Ordinal is not null && scan.Roles[at] == TokenRole.Meaning
            ? new MessageScan(Tokenizer.Split(raw[token.Start..token.End], _lexicon.IsCode), context, _lexicon).Ordinal
            : null;
    }

    /// <summary>True when the number at <paramref name="at"/> and a month's name after it are read as a date
    /// (<c>1 Jan</c>) and an unknown word follows it (<c>1 jan novak</c>): the month's name is a first name.</summary>
    private static bool MonthBeginsAName(MessageScan scan, int at, ReadingContext context) =>
        DayReader.TryRead(scan.Tokens, at, context.Today, timeFirst: false, numericOnly: false, out _, out var length)
        && length == 2 && CalendarWords.TryMonth(scan.Tokens[at + 1].Text, out _)
        && at + 2 < scan.Tokens.Count && scan.Roles[at + 2] == TokenRole.Unknown;

    /// <summary>True when the reading says when (a day, a time, a part of the day, the earliest) or a name, and nothing else.</summary>
    private static bool SaysOnlyWhenOrWho(MessageReading r) =>
        (r.Days is not null || r.Time is not null || r.PartOfDay is not null || r.Earliest || r.Name is not null)
        && r.Form == MessageForm.Talk && r.Keyword == Keyword.None && r.Question == Question.None && r.Answer == Answer.None
        && r.Choice is null && r.Agenda is null && r.Activity is null && r.BookingCode is null && r.UnknownCode is null
        && r.Party is null;

    /// <summary>A number alone (fillers aside: <c>2</c>, <c>2.</c>, <c>cislo 2</c>, <c>druhy</c>): a pick from the list.</summary>
    private static int? LoneNumber(string raw, MessageScan scan)
    {
        var others = Enumerable.Range(0, scan.Tokens.Count).Where(k => scan.Roles[k] is not (TokenRole.Filler or TokenRole.Intro)).ToList();
        if (others.Count == 1 && scan.Roles[others[0]] == TokenRole.Number && scan.Tokens[others[0]].IsPlainNumber(out var n)
            && !Signed(raw, scan.Tokens[others[0]]))
        {
            return n;
        }
        if (scan.Ordinal is { } ordinal && scan.Days is null && scan.Time is null && scan.Part is null && scan.OfficeHits.Count == 0
            && scan.Yes == 0 && scan.No == 0 && !scan.Has(TokenRole.Unknown) && !scan.Has(TokenRole.Number))
        {
            return ordinal;
        }
        return null;
    }

    /// <summary>A sign written before the number (<c>-1</c>, <c>+2</c>): no list has such an item.</summary>
    private static bool Signed(string raw, Token token) => token.Start > 0 && raw[token.Start - 1] is '-' or '+' or '\u2212';
}
