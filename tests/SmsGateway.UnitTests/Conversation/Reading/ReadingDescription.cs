using SmsBooking.SmsGateway.Conversation.Reading;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>A reading written as the corpus writes it: <c>key=value</c> pairs in a fixed order, the name last
/// (<c>agenda=CP date=2026-11-26 time=10:00 name=Jan Novak</c>), or <c>nothing</c>.</summary>
public static class ReadingDescription
{
    private static readonly string[] Order = ["form", "keyword", "answer", "choice", "agenda", "activity", "date", "days", "time", "part", "code", "unknown", "party", "earliest", "question", "name"];

    public static string Of(MessageReading r)
    {
        var pairs = new List<(string, string)>();
        if (r.Form != MessageForm.Talk) pairs.Add(("form", r.Form.ToString()));
        if (r.Keyword != SmsBooking.SmsGateway.Conversation.Keyword.None) pairs.Add(("keyword", r.Keyword.ToString()));
        if (r.Answer != Answer.None) pairs.Add(("answer", r.Answer.ToString()));
        if (r.Choice is { } choice) pairs.Add(("choice", choice.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (r.Activity is not null) pairs.Add(("activity", $"{r.Agenda!.Id}/{r.Activity.Id}"));
        else if (r.Agenda is not null) pairs.Add(("agenda", r.Agenda.Id));
        if (r.Date is { } date) pairs.Add(("date", $"{date:yyyy-MM-dd}"));
        else if (r.Days is { } days) pairs.Add(("days", $"{days.Start:yyyy-MM-dd}..{days.End:yyyy-MM-dd}"));
        if (r.Time is { } time) pairs.Add(("time", $"{time:HH:mm}"));
        if (r.PartOfDay is not null) pairs.Add(("part", r.PartOfDay.Name));
        if (r.BookingCode is not null) pairs.Add(("code", r.BookingCode));
        if (r.UnknownCode is not null) pairs.Add(("unknown", r.UnknownCode));
        if (r.Party is { } party) pairs.Add(("party", party.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        if (r.Earliest) pairs.Add(("earliest", "yes"));
        if (r.Question != Question.None) pairs.Add(("question", r.Question.ToString()));
        if (r.Name is not null) pairs.Add(("name", r.Name));
        return Render(pairs);
    }

    /// <summary>The expected reading as the corpus writes it, put in the same order (so a line may list its keys in any
    /// order, with the name last).</summary>
    public static string Canonical(string expected)
    {
        expected = expected.Trim();
        if (expected == "nothing")
        {
            return expected;
        }
        var pairs = new List<(string, string)>();
        var nameAt = expected.IndexOf("name=", StringComparison.Ordinal);
        var head = nameAt >= 0 ? expected[..nameAt] : expected;
        foreach (var pair in head.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || !Order.Contains(pair[..eq]))
            {
                throw new FormatException($"'{pair}' is not key=value with a known key ({string.Join(", ", Order)})");
            }
            pairs.Add((pair[..eq], pair[(eq + 1)..]));
        }
        if (nameAt >= 0)
        {
            pairs.Add(("name", expected[(nameAt + 5)..].Trim()));
        }
        return Render(pairs);
    }

    private static string Render(List<(string Key, string Value)> pairs) =>
        pairs.Count == 0 ? "nothing" : string.Join(' ', pairs.OrderBy(p => Array.IndexOf(Order, p.Key)).Select(p => $"{p.Key}={p.Value}"));
}
