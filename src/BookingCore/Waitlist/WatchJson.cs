using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace SmsBooking.BookingCore.Waitlist;

/// <summary>A <see cref="Watch"/> as stored: plain strings and Unix milliseconds, so the stored form does not depend on
/// a NodaTime converter.</summary>
internal static class WatchJson
{
    private sealed record Stored(string Phone, string AgendaId, string ActivityId, string Name, string? Code, string From, string To,
        long Asked, long Expires, List<string> Offered, List<string> OfferedHolds);

    public static string ToJson(Watch w) => JsonSerializer.Serialize(new Stored(w.Phone, w.AgendaId, w.ActivityId, w.Name, w.Code,
        LocalDatePattern.Iso.Format(w.From), LocalDatePattern.Iso.Format(w.To), w.Asked.ToUnixTimeMilliseconds(),
        w.Expires.ToUnixTimeMilliseconds(), [.. w.Offered], [.. w.OfferedHolds]));

    public static Watch FromJson(string json)
    {
        var s = JsonSerializer.Deserialize<Stored>(json) ?? throw new InvalidDataException("empty watch record");
        return new Watch(s.Phone, s.AgendaId, s.ActivityId, s.Name, s.Code, LocalDatePattern.Iso.Parse(s.From).Value,
            LocalDatePattern.Iso.Parse(s.To).Value, Instant.FromUnixTimeMilliseconds(s.Asked), Instant.FromUnixTimeMilliseconds(s.Expires),
            s.Offered ?? [], s.OfferedHolds ?? []);
    }
}
