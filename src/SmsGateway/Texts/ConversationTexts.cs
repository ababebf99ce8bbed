using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>Every sentence the gateway sends, in one language: the templates of that language's resource file
/// (<c>Texts/Czech.resx</c>, <c>Texts/English.resx</c>) with the office's overrides (<c>Conversation:Texts:cs:Name</c>),
/// filled in. Lists are numbered one option a line, number first.</summary>
/// <remarks>Written with diacritics; <see cref="Sms.SmsEncoding.ToGsmFriendly"/> strips them unless
/// <c>Conversation:UseDiacritics</c> is on. Each reply must fit 2 SMS segments with the longest values (the reply-size
/// test fills every template of every language).</remarks>
public sealed partial class ConversationTexts
{
    private readonly IReadOnlyDictionary<string, string> _templates;
    private readonly string[] _days;

    internal ConversationTexts(Language language, IReadOnlyDictionary<string, string> templates)
    {
        Language = language;
        _templates = templates;
        _days = ["", .. templates["DayNames"].Split(' ', StringSplitOptions.RemoveEmptyEntries)];
    }

    public Language Language { get; }

    private static readonly System.Text.RegularExpressions.Regex Placeholder = new(@"\{(\w+)\}", System.Text.RegularExpressions.RegexOptions.CultureInvariant);

    /// <summary>The template <paramref name="name"/> with its placeholders (<c>{agenda}</c>) filled.</summary>
    /// <remarks>Every reply passes here: the placeholders are found without a <c>Match</c> each and the text is put
    /// together in a pooled buffer, so that the reply's string is the one allocation.</remarks>
    public string Format(string name, params ReadOnlySpan<(string Name, string Value)> values)
    {
        // One pass over the template: a value that itself holds "{holdEnds}" (a reason the staff typed) stays as typed.
        // A value ending with its own full stop (a day label, a name signed "Ph.D.") takes the template's stop after it.
        var template = _templates[name];
        var length = template.Length;
        foreach (var m in Placeholder.EnumerateMatches(template))
        {
            var value = ValueOf(template.AsSpan(m.Index, m.Length), values);
            length += (value?.Length ?? m.Length) - m.Length - (OwnStop(template, m.Index + m.Length, value) ? 1 : 0);
        }
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        try
        {
            var written = 0;
            var copied = 0;
            foreach (var m in Placeholder.EnumerateMatches(template))
            {
                template.AsSpan(copied, m.Index - copied).CopyTo(buffer.AsSpan(written));
                written += m.Index - copied;
                var filled = ValueOf(template.AsSpan(m.Index, m.Length), values) is { } value ? value.AsSpan() : template.AsSpan(m.Index, m.Length);
                filled.CopyTo(buffer.AsSpan(written));
                written += filled.Length;
                copied = m.Index + m.Length + (OwnStop(template, m.Index + m.Length, filled) ? 1 : 0);
            }
            template.AsSpan(copied).CopyTo(buffer.AsSpan(written));
            return new string(buffer, 0, length);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>True when <paramref name="value"/> ends with a full stop and the template puts one right after it.</summary>
    private static bool OwnStop(string template, int after, ReadOnlySpan<char> value) =>
        value.EndsWith(".") && !value.EndsWith("..") && after < template.Length && template[after] == '.'
        && (after + 1 >= template.Length || template[after + 1] != '.');

    /// <summary>The value given for the placeholder <paramref name="braced"/> (<c>{agenda}</c>), or null.</summary>
    private static string? ValueOf(ReadOnlySpan<char> braced, ReadOnlySpan<(string Name, string Value)> values)
    {
        var name = braced[1..^1];
        foreach (var (placeholder, value) in values)
        {
            if (name.SequenceEqual(placeholder))
            {
                return value ?? ""; // null despite its type (stored data): filled with nothing, as Regex.Replace did
            }
        }
        return null;
    }

    /// <summary>The weekday's abbreviation (<c>Po</c>, <c>Mon</c>).</summary>
    public string Weekday(IsoDayOfWeek day) => _days[(int)day];

    public string DayLabel(LocalDate day) => $"{_days[(int)day.DayOfWeek]} {Dm(day)}";

    private string DateLabel(LocalDate day) => DayLabel(day) + day.Year;

    public string Greeting(IReadOnlyList<string> agendas) => Format("Greeting", ("agendas", Numbered(agendas)));

    public string ChooseAgenda(IReadOnlyList<string> agendas) => Format("ChooseAgenda", ("agendas", Numbered(agendas)));

    public string ChooseActivity(string agenda, IReadOnlyList<string> activities) =>
        Format("ChooseActivity", ("agenda", agenda), ("activities", Numbered(activities)));

    public string ChooseDay(string agenda, IReadOnlyList<LocalDate> days, bool more) =>
        Format("ChooseDay", ("agenda", agenda), ("example", Dm(days[0])), ("days", Numbered(days.Select(DayLabel))),
            ("more", more ? "\n" + Format("MoreDays") : ""));

    /// <summary>The day or days and the time said ahead of their steps (<c>Rozumim: Ut 1.12. 10:00.</c>), for a list
    /// shown before the day step.</summary>
    public string UnderstoodWhen(LocalDate? from, LocalDate? to, LocalTime? time)
    {
        var day = from is not { } f ? null : to is { } t && t != f ? $"{DayLabel(f)}-{DayLabel(t)}" : DayLabel(f);
        var when = string.Join(" ", new[] { day, time is { } h ? Hm(h) : null }.OfType<string>());
        return Format("UnderstoodWhen", ("when", when.EndsWith('.') ? when : when + "."));
    }

    public string NoFreeDays(string agenda) => Format("NoFreeDays", ("agenda", agenda));

    public string ChooseTime(LocalDate day, IReadOnlyList<LocalTime> times, bool more) =>
        Format("ChooseTime", ("day", DayLabel(day)), ("example", Hm(times[0])), ("times", Numbered(times.Select(Hm))),
            ("more", more ? "\n" + Format("MoreTimes") : ""));

    public string NoFreeTimes(LocalDate day) => Format("NoFreeTimes", ("day", DayLabel(day)));

    /// <summary>The part of the day asked for has no free time left on <paramref name="day"/>: said before its other times.</summary>
    public string NoFreeTimesInPart(LocalDate day) => Format("NoFreeTimesInPart", ("day", DayLabel(day)));

    public string OfficeClosed(LocalDate day) => OfficeClosed(day, day);

    /// <summary>The office closed on every day from <paramref name="from"/> to <paramref name="to"/> (one day when they are equal).</summary>
    public string OfficeClosed(LocalDate from, LocalDate to) =>
        Format("OfficeClosed", ("day", from == to ? DayLabel(from) : $"{DayLabel(from)}-{DayLabel(to)}"));

    /// <summary>A day beyond the horizon, with its year (a date written without one is next year's when it has passed).</summary>
    public string NotYetBookable(LocalDate day, LocalDate last) => Format("NotYetBookable", ("date", DateLabel(day)), ("last", DayLabel(last)));

    public string AskName(LocalDate day, LocalTime time, LocalTime holdEnds, int party = 1) =>
        Format("AskName", ("day", DayLabel(day)), ("time", Hm(time)), ("party", PartyAfterTime(party)), ("holdEnds", Hm(holdEnds)));

    public string Summary(string agenda, string activity, LocalDate day, LocalTime time, string name, LocalTime holdEnds, int party = 1) =>
        Format("Summary", ("agenda", agenda), ("activity", activity), ("date", DateLabel(day)), ("time", Hm(time)), ("party", PartyAfterTime(party)),
            ("name", name), ("holdEnds", Hm(holdEnds)));

    public string Confirmed(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        Format("Confirmed", ("code", b.Code), ("date", DateLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", agenda), ("party", PartyAfterTime(b.Party)), ("place", place),
            ("from", Hm(from)), ("to", Hm(to)), ("pin", b.Pin));

    public string AlreadyConfirmed(Booking b) =>
        Format("AlreadyConfirmed", ("code", b.Code), ("date", DateLabel(b.Date)), ("time", Hm(b.Time)), ("pin", b.Pin));

    public string HoldLapsed() => Format("HoldLapsed");

    /// <summary>How many people, as a phrase: <c>3 osoby</c>, <c>5 osob</c>, <c>3 people</c>.</summary>
    public string People(int count) =>
        Format(count is >= 2 and <= 4 ? "PeopleFew" : "PeopleMany", ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>What follows the time of a party's booking (<c> pro 3 osoby</c>); nothing for one person, so a plain
    /// booking reads as it always did.</summary>
    public string PartyAfterTime(int party) => party <= 1 ? "" : " " + Format("PartyLabel", ("people", People(party)));

    /// <summary>A party larger than the office takes under one booking (<c>Booking:MaxPartySize</c>).</summary>
    public string PartyTooLarge(int max) => max <= 1 ? Format("PartyNotOffered") : Format("PartyTooLarge", ("people", People(max)));

    public string SlotTaken() => Format("SlotTaken");

    public string TooManyBookings(int max) => Format("TooManyBookings", ("max", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The phone's booked places and the hold's would pass <c>Booking:MaxPlacesPerPhone</c>.</summary>
    public string TooManyPlaces(int count, int max) => Format("TooManyPlaces",
        ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("max", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    public string HoldReleased() => Format("HoldReleased");

    public string NothingToCancel() => Format("NothingToCancel");

    public string ChooseCancellation(IReadOnlyList<string> bookings) => Format("ChooseCancellation", ("choices", FittingList("ChooseCancellation", "choices", bookings, Numbered, roomForHint: true)));

    public string Cancelled(string code) => Format("Cancelled", ("code", code));

    public string UnknownCode(string code) => Format("UnknownCode", ("code", code));

    public string MyBookings(IReadOnlyList<string> bookings) =>
        Format("MyBookings", ("bookings", FittingList("MyBookings", "bookings", bookings, lines => string.Join("\n", lines))));

    /// <summary>The most SMS segments a reply of this language may take: 2, and 3 for Ukrainian, whose Cyrillic makes
    /// every SMS UCS-2 (70 characters a segment, 67 in a long message). The reply-size test holds every text to it.</summary>
    public int MaxSegments => Language == Language.Uk ? 3 : 2;

    /// <summary>The lines of a list as <paramref name="join"/> writes them into <paramref name="placeholder"/> of
    /// <paramref name="template"/>: all of them when the reply fits <see cref="MaxSegments"/>, else the first that fit
    /// and a last line that counts the rest (<c>MoreLines</c>); with <paramref name="roomForHint"/>, room is left for the
    /// short hint (<c>NotUnderstood</c>) said before a step's list the second time a message is not understood. Only Ukrainian's shorter segments ever cut a
    /// list: six bookings with their PINs (the most a phone may hold) are more than three UCS-2 segments.</summary>
    public string FittingList(string template, string placeholder, IReadOnlyList<string> lines, Func<IEnumerable<string>, string> join,
        bool roomForHint = false)
    {
        var all = join(lines);
        var hint = roomForHint ? Format("NotUnderstood") + "\n" : "";
        if (Fits(hint + Format(template, (placeholder, all))))
        {
            return all;
        }
        for (var shown = lines.Count - 1; shown > 0; shown--)
        {
            var cut = join(lines.Take(shown)) + "\n" + Format("MoreLines", ("count", (lines.Count - shown).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (Fits(hint + Format(template, (placeholder, cut))))
            {
                return cut;
            }
        }
        return all;
    }

    /// <summary>A numbered list's reply with every line, as the second message not understood would send it (the short
    /// hint before it): what must fit for the list's lines to be named at length.</summary>
    public string WholeList(string template, string placeholder, IReadOnlyList<string> lines) =>
        Format("NotUnderstood") + "\n" + Format(template, (placeholder, Numbered(lines)));

    /// <summary>True when <paramref name="text"/>, as sent, takes at most <see cref="MaxSegments"/>.</summary>
    public bool Fits(string text) => Sms.SmsEncoding.Measure(Sms.SmsEncoding.ToGsmFriendly(text)).Segments <= MaxSegments;

    public string NoBookings() => Format("NoBookings");

    /// <summary>One booking in a list; the agenda by <paramref name="label"/> (its name, where the list fits with names:
    /// <c>MOJE</c>), else by its short id so that six lines fit two segments.</summary>
    public string BookingLine(Booking b, bool withPin, string? label = null) =>
        Format(b.Status == BookingStatus.CheckedIn ? "BookingLineCheckedIn" : withPin ? "BookingLineWithPin" : "BookingLine",
            ("code", b.Code), ("day", DayLabel(b.Date)), ("time", Hm(b.Time)), ("agenda", label ?? b.AgendaId), ("pin", b.Pin));

    public string Help() => Format("Help");

    public string InvalidName() => Format("InvalidName");

    public string HintNumber(int max) =>
        max == 1 ? Format("HintNumberOne") : Format("HintNumber", ("max", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The second message in a row not understood at a step: said before the step's list.</summary>
    public string NotUnderstood() => Format("NotUnderstood");

    /// <summary>After a step's hint, the second message in a row not understood where the step shows no list.</summary>
    public string MoreHelp() => Format("MoreHelp");

    /// <summary>A time asked for that the day does not offer (closed then, not on the grid, started).</summary>
    public string TimeNotFree(LocalTime time) => Format("TimeNotFree", ("time", Hm(time)));

    /// <summary><paramref name="time"/> is before the office opens or after it closes on <paramref name="day"/>.</summary>
    public string TimeOutsideHours(LocalTime time, LocalDate day, LocalTime open, LocalTime close) =>
        Format("TimeOutsideHours", ("time", Hm(time)), ("day", DayLabel(day)), ("from", $"{open.Hour}:{open.Minute:00}"), ("to", $"{close.Hour}:{close.Minute:00}"));

    public string HintDay() => Format("HintDay");

    public string HintTime() => Format("HintTime");

    public string HintConfirm() => Format("HintConfirm");

    public string NoMorePages() => Format("NoMorePages");

    public string TryAgainLater() => Format("TryAgainLater");

    /// <summary>The step was made but is not yet safe on a second server (Redis replicas did not acknowledge it), or was
    /// not saved at all (the phone's lease ran out before the save): the same message again repeats the step and gives
    /// the same result, never a second booking.</summary>
    public string NotSavedTryAgain() => Format("NotSavedTryAgain");

    public string TooManyMessages() => Format("TooManyMessages");

    /// <summary>Past <c>Abuse:MaxMessagesPerMinuteTotal</c>, to a phone with nothing under way.</summary>
    public string Busy() => Format("Busy");

    public string CountryNotServed() => Format("CountryNotServed");

    private static string Numbered(IEnumerable<string> labels) =>
        string.Join("\n", labels.Select((label, i) => $"{i + 1} {label}"));

    private static string Hm(LocalTime t) => $"{t.Hour:00}:{t.Minute:00}";

    private static string Dm(LocalDate d) => $"{d.Day}.{d.Month}.";
}
