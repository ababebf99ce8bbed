using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;

namespace SmsBooking.BookingCore.Store;

/// <summary>How bookings and holds are written as JSON in the store: plain strings and numbers, so that a Lua
/// script or an operator with redis-cli can read them.</summary>
internal static class StoredRecords
{
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    internal static string DayId(LocalDate date) => Date.Format(date);

    internal static string ToJson(Booking b) => JsonSerializer.Serialize(new BookingRecord(
        b.Code, b.Pin, b.Phone, b.Name, b.AgendaId, b.ActivityId, Date.Format(b.Date), Time.Format(b.Time),
        b.Start.ToUnixTimeMilliseconds(), b.CreatedAt.ToUnixTimeMilliseconds(), b.HoldId, PlacesOut(b.Places),
        b.Channel == BookingChannel.Sms ? null : b.Channel.ToString()), RecordsJson.Default.BookingRecord);

    internal static Booking BookingFromJson(string json, BookingStatus status, string? ticket = null)
    {
        var r = JsonSerializer.Deserialize(json, RecordsJson.Default.BookingRecord)!;
        return new Booking(r.Code, r.Pin, r.Phone, r.Name, r.Agenda, r.Activity, Date.Parse(r.Date).Value, Time.Parse(r.Time).Value,
            Instant.FromUnixTimeMilliseconds(r.StartMs), Instant.FromUnixTimeMilliseconds(r.CreatedMs), r.HoldId, status, ticket, PlacesIn(r.Places),
            Enum.TryParse<BookingChannel>(r.Channel, out var channel) ? channel : BookingChannel.Sms);
    }

    internal static string ToJson(Hold h) => JsonSerializer.Serialize(new HoldRecord(
        h.Id, h.Phone, h.AgendaId, h.ActivityId, Date.Format(h.Date), Time.Format(h.Time), h.ExpiresAt.ToUnixTimeMilliseconds(), PlacesOut(h.Places)),
        RecordsJson.Default.HoldRecord);

    internal static Hold HoldFromJson(string json)
    {
        var r = JsonSerializer.Deserialize(json, RecordsJson.Default.HoldRecord)!;
        return new Hold(r.Id, r.Phone, r.Agenda, r.Activity, Date.Parse(r.Date).Value, Time.Parse(r.Time).Value,
            Instant.FromUnixTimeMilliseconds(r.ExpiresMs), PlacesIn(r.Places));
    }

    /// <summary>A party's places as <c>HH:mm</c> texts; nothing for one person, so that a plain booking's record is
    /// written exactly as before parties existed (and an older gateway reads it).</summary>
    private static List<string>? PlacesOut(IReadOnlyList<LocalTime>? places) =>
        places is { Count: > 1 } ? places.Select(Time.Format).ToList() : null;

    private static IReadOnlyList<LocalTime>? PlacesIn(List<string>? places) =>
        places is { Count: > 1 } ? places.Select(p => Time.Parse(p).Value).ToList() : null;

    internal static string ToJson(Closure c) => JsonSerializer.Serialize(new ClosureRecord(
        c.Id, Date.Format(c.Date), c.From is { } f ? Time.Format(f) : null, c.To is { } t ? Time.Format(t) : null, c.AgendaId, c.Counters,
        c.Reason, c.By, c.At.ToUnixTimeMilliseconds(), c.Cancelled, [.. c.NotTold], c.Series), RecordsJson.Default.ClosureRecord);

    internal static Closure ClosureFromJson(string json)
    {
        var r = JsonSerializer.Deserialize(json, RecordsJson.Default.ClosureRecord)!;
        return new Closure(r.Id, Date.Parse(r.Date).Value, r.From is null ? null : Time.Parse(r.From).Value, r.To is null ? null : Time.Parse(r.To).Value,
            r.Agenda, r.Counters, r.Reason, r.By, Instant.FromUnixTimeMilliseconds(r.AtMs))
        {
            Cancelled = r.Cancelled,
            NotTold = r.NotTold ?? [],
            Series = r.Series,
        };
    }

    internal static string ToJson(PendingMove m) => JsonSerializer.Serialize(new MoveRecord(
        ToJson(m.Old), Date.Format(m.NewDate), m.NewCode, m.HoldId, m.HoldExpires.ToUnixTimeMilliseconds(), (long)m.ReleaseDelay.TotalMilliseconds,
        m.NewHold is null ? null : ToJson(m.NewHold)), RecordsJson.Default.MoveRecord);

    internal static PendingMove MoveFromJson(string json)
    {
        var r = JsonSerializer.Deserialize(json, RecordsJson.Default.MoveRecord)!;
        return new PendingMove(BookingFromJson(r.Old, BookingStatus.Booked), Date.Parse(r.NewDate).Value, r.NewCode, r.HoldId,
            Instant.FromUnixTimeMilliseconds(r.ExpiresMs), Duration.FromMilliseconds(r.DelayMs), r.Hold is null ? null : HoldFromJson(r.Hold));
    }

    /// <summary>The status a move to another day locks a booking with while it is under way (<see cref="BookingStatus.Moving"/>).</summary>
    internal static string MovingStatus(string holdId) => "Moving:" + holdId;

    internal static BookingStatus ParseStatus(string? text) =>
        text is not null && text.StartsWith("Moving:", StringComparison.Ordinal) ? BookingStatus.Moving
        : Enum.TryParse<BookingStatus>(text, out var s) ? s : BookingStatus.Booked;

    internal static string Ms(Instant instant) => instant.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}

internal sealed record BookingRecord(string Code, string Pin, string Phone, string Name, string Agenda, string Activity,
    string Date, string Time, long StartMs, long CreatedMs, string HoldId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Places = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Channel = null);

internal sealed record HoldRecord(string Id, string Phone, string Agenda, string Activity, string Date, string Time, long ExpiresMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<string>? Places = null);

/// <param name="Series">Absent in a closure of one day, and in every closure stored before series existed.</param>
internal sealed record ClosureRecord(string Id, string Date, string? From, string? To, string? Agenda, int? Counters, string Reason,
    string By, long AtMs, int Cancelled, List<string>? NotTold,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Series = null);

/// <param name="Hold">The new day's hold (JSON), so that a move given up frees its place at once; absent in records an
/// older gateway wrote.</param>
internal sealed record MoveRecord(string Old, string NewDate, string NewCode, string HoldId, long ExpiresMs, long DelayMs,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Hold = null);

[JsonSerializable(typeof(BookingRecord))]
[JsonSerializable(typeof(MoveRecord))]
[JsonSerializable(typeof(ClosureRecord))]
[JsonSerializable(typeof(HoldRecord))]
internal sealed partial class RecordsJson : JsonSerializerContext;
