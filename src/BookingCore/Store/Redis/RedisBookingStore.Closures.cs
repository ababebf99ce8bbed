using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

// The booking store's closures of counters: close, cancel the bookings over, edit, remove, list.
public sealed partial class RedisBookingStore
{
    public async Task<IReadOnlyList<(string SlotKey, int Over)>> AddClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots, Instant now)
    {
        var d = closure.Date;
        var args = new List<RedisValue> { Ms(now), closure.Id, ToJson(closure), TimeToLiveMs(d, now, _retention) };
        foreach (var slot in slots)
        {
            args.AddRange([slot.SlotKey, slot.Closed, slot.Counters]);
        }
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ClosureScripts.AddClosure,
            [_keys.DayHolds(d), _keys.DayHeld(d), _keys.DayTaken(d), _keys.DayClosed(d), _keys.DayClosures(d)], [.. args]))!;
        var over = new List<(string, int)>();
        for (int i = 0; i + 1 < result.Length; i += 2)
        {
            over.Add(((string)result[i]!, (int)result[i + 1]));
        }
        return over;
    }

    public async Task<OverCapacity> CancelIfOverAsync(Booking booking, int counters, Instant now, string closureId)
    {
        var d = booking.Date;
        var result = (int)await Db.ScriptEvaluateAsync(ClosureScripts.CancelIfOver,
            [_keys.DayHolds(d), _keys.DayHeld(d), _keys.DayTaken(d), _keys.DayStatus(d), _keys.DayPins(d), _keys.DayClosed(d),
                _keys.DayClosureCancelled(d, closureId)],
            [Ms(now), booking.Code, booking.Pin, counters, booking.PlaceKeys.Count, TimeToLiveMs(d, now, _retention), .. Keys(booking)]);
        if (result == 1)
        {
            await _claims.UnclaimAsync(booking.Phone, IndexEntry(d, booking.Code), dropEntry: false);
        }
        return result switch
        {
            1 => OverCapacity.Cancelled,
            2 => OverCapacity.Fits,
            _ => OverCapacity.NotBooked,
        };
    }

    public Task SaveClosureAsync(Closure closure, Instant now) =>
        Db.ScriptEvaluateAsync(ClosureScripts.SaveClosure, new { closures = _keys.DayClosures(closure.Date), id = closure.Id, json = ToJson(closure) });

    public async Task<bool> RemoveClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots)
    {
        var args = new List<RedisValue> { closure.Id };
        foreach (var slot in slots)
        {
            args.AddRange([slot.SlotKey, slot.Closed]);
        }
        return (int)await Db.ScriptEvaluateAsync(ClosureScripts.RemoveClosure, [_keys.DayClosed(closure.Date), _keys.DayClosures(closure.Date)], [.. args]) == 1;
    }

    public async Task<IReadOnlyList<string>> GetClosureCancelledAsync(LocalDate date, string closureId) =>
        (await Db.SetMembersAsync(_keys.DayClosureCancelled(date, closureId))).Select(v => (string)v!).ToList();

    public async Task<IReadOnlyList<Closure>> GetClosuresAsync(LocalDate date) =>
        (await Db.HashGetAllAsync(_keys.DayClosures(date))).Select(e => ClosureFromJson(e.Value!)).OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();
}
