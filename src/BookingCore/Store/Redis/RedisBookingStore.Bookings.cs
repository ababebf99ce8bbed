using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

// The booking store's bookings: confirm a hold, cancel, and read the bookings of a day, a phone, a PIN.
public sealed partial class RedisBookingStore
{
    public async Task<ConfirmResult?> ConfirmAsync(Hold hold, Booking draft, Instant now, IReadOnlyList<(string Name, Instant Due)>? reminders = null,
        PhoneGuard? guard = null)
    {
        var index = _keys.PhoneBookings(hold.Phone);
        var entry = IndexEntry(draft.Date, draft.Code);
        // The phone's side goes first, in one call: the claim of the hold's places under the phone's cap, counted in the
        // same step against its other bookings' claims (two confirmations at once cannot both pass it), the index entry
        // (a crash before the booking leaves an entry that readers skip, and a claim that a repair drops) and the end of
        // the hold pointer (a crash then leaves the hold in the day to be confirmed by a repeated ANO, which needs no
        // pointer, or to lapse by itself). The index lives as long as the day keys of the phone's latest booking (the
        // visit, then the retention), no longer; readers skip entries whose booking has expired.
        var ttl = TimeToLiveMs(draft.Date, now, _retention);
        var (claimed, booked) = await _claims.ClaimAsync(hold, draft, entry, ttl, now, guard);
        if (!claimed && await _claims.RepairAsync(hold.Phone, now, LoadAsync, (date, id, at) => _moves.AbortHoldAsync(date, id, at)))
        {
            (claimed, booked) = await _claims.ClaimAsync(hold, draft, entry, ttl, now);
        }
        if (!claimed)
        {
            return new ConfirmResult(ConfirmOutcome.TooManyPlaces, PlacesBooked: booked);
        }
        var d = hold.Date;
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(BookingScripts.Confirm,
            [_keys.DayHolds(d), _keys.DayHeld(d), _keys.DayTaken(d), _keys.DayBookings(d), _keys.DayStatus(d), _keys.DayPins(d), _keys.DayHoldCodes(d),
                _keys.DayAborted(d)],
            [Ms(now), hold.Id, draft.Code, draft.Pin, ToJson(draft), TimeToLiveMs(d, now, _retention), .. Members(hold).Select(m => (RedisValue)m)]))!;
        var outcome = (string)result[0]!;
        switch (outcome)
        {
            case "ok":
                // The booking stands; the lapse watch lets the hold go and the reminders are scheduled, one call on
                // the phone's watch shard (a crash before leaves the hold to the watcher, which skips confirmed holds,
                // and the booking without reminders).
                await (reminders is { Count: > 0 } ? WatchConfirmedAsync(hold, draft, reminders) : ForgetLapsedAsync(hold));
                return new ConfirmResult(ConfirmOutcome.Confirmed, draft);
            case "already":
                var earlier = BookingFromJson((string)result[1]!, ParseStatus((string?)result[2]));
                if (IndexEntry(earlier.Date, earlier.Code) != entry)
                {
                    await _claims.UnclaimAsync(hold.Phone, entry, dropEntry: true);
                }
                await Db.SortedSetAddAsync(index, IndexEntry(earlier.Date, earlier.Code), earlier.Start.ToUnixTimeMilliseconds());
                return new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, earlier);
            case "lapsed":
                await _claims.UnclaimAsync(hold.Phone, entry, dropEntry: true);
                return new ConfirmResult(ConfirmOutcome.HoldLapsed);
            default: // "secret": the code or PIN is taken that day
                await _claims.UnclaimAsync(hold.Phone, entry, dropEntry: true);
                return null;
        }
    }

    public async Task<(bool Claimed, int Booked)> ClaimContactPlacesAsync(string contact, Hold hold, Booking draft, Instant now)
    {
        // The contact's own tag, as its own bookings' claims: the claim script sees all it claims in one step. The hold
        // pointer it may drop is the contact's, and only one naming this hold, which no phone's pointer does.
        var entry = IndexEntry(draft.Date, draft.Code);
        var ttl = TimeToLiveMs(draft.Date, now, _retention);
        var forContact = hold with { Phone = contact };
        var claimed = await _claims.ClaimAsync(forContact, draft, entry, ttl, now);
        if (!claimed.Claimed && await _claims.RepairAsync(contact, now, LoadAsync, (date, id, at) => _moves.AbortHoldAsync(date, id, at)))
        {
            claimed = await _claims.ClaimAsync(forContact, draft, entry, ttl, now);
        }
        return claimed;
    }

    public Task CarryContactPlacesAsync(string contact, LocalDate oldDate, string oldCode, Hold hold, Booking moved, Instant now) =>
        _claims.CarryAsync(contact, IndexEntry(oldDate, oldCode), hold, moved, IndexEntry(moved.Date, moved.Code), TimeToLiveMs(moved.Date, now, _retention));

    public Task UnclaimContactPlacesAsync(string contact, LocalDate date, string code) =>
        _claims.UnclaimAsync(contact, IndexEntry(date, code), dropEntry: true);

    public async Task<Booking?> CancelAsync(string phone, string code, Instant now, Duration releaseDelay)
    {
        var booking = (await GetBookingsAsync(phone, Instant.MinValue)).FirstOrDefault(b => b.Code == code && b.Status == BookingStatus.Booked);
        return booking is null ? null : await CancelBookingAsync(booking, now, releaseDelay);
    }

    public async Task<Booking?> CancelBookingAsync(Booking booking, Instant now, Duration releaseDelay)
    {
        var d = booking.Date;
        var cancelled = (int)await Db.ScriptEvaluateAsync(BookingScripts.Cancel,
            [_keys.DayHolds(d), _keys.DayHeld(d), _keys.DayTaken(d), _keys.DayStatus(d), _keys.DayPins(d)],
            [Ms(now), booking.Code, booking.Pin, (long)releaseDelay.TotalMilliseconds, TimeToLiveMs(d, now, _retention), .. Keys(booking)]);
        if (cancelled != 1)
        {
            return null;
        }
        // Its places are the phone's again (a crash before this leaves the claim to RepairAsync).
        await _claims.UnclaimAsync(booking.Phone, IndexEntry(d, booking.Code), dropEntry: false);
        return booking.WithStatus(BookingStatus.Cancelled);
    }

    public async Task<IReadOnlyList<Booking>> GetDayBookingsAsync(LocalDate date)
    {
        var batch = Db.CreateBatch();
        var bookings = batch.HashGetAllAsync(_keys.DayBookings(date));
        var statuses = batch.HashGetAllAsync(_keys.DayStatus(date));
        batch.Execute();
        var status = (await statuses).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
        return (await bookings).Select(e => BookingFromJson(e.Value!, ParseStatus(status.GetValueOrDefault(e.Name!)))).ToList();
    }

    public async Task<IReadOnlyList<Booking>> GetBookingsAsync(string phone, Instant since)
    {
        var entries = await Db.SortedSetRangeByScoreAsync(_keys.PhoneBookings(phone), since.ToUnixTimeMilliseconds(), double.PositiveInfinity);
        var lookups = entries.Select(e =>
        {
            var (date, code) = ParseIndexEntry(e!);
            return LoadAsync(date, code);
        }).ToList();
        var found = await Task.WhenAll(lookups);
        // Only the phone's own: an index entry is a pointer, and what it points at must say the same phone before
        // its PIN is shown or it is cancelled.
        return found.Where(b => b is not null && b.Phone == phone).Select(b => b!).OrderBy(b => b.Start).ToList();
    }

    public async Task<Booking?> FindByPinAsync(LocalDate date, string pin)
    {
        var code = await Db.HashGetAsync(_keys.DayPins(date), pin);
        return code.IsNullOrEmpty ? null : await LoadAsync(date, code!);
    }

    public Task<Booking?> GetBookingAsync(LocalDate date, string code) => LoadAsync(date, code);

    private async Task<Booking?> LoadAsync(LocalDate date, string code)
    {
        var batch = Db.CreateBatch();
        var json = batch.HashGetAsync(_keys.DayBookings(date), code);
        var status = batch.HashGetAsync(_keys.DayStatus(date), code);
        batch.Execute();
        var j = await json;
        return j.IsNullOrEmpty ? null : BookingFromJson(j!, ParseStatus(await status));
    }

    /// <summary>The keys a booking counts under: each person's slot key, then each person's activity hour.</summary>
    private static RedisValue[] Keys(Booking booking)
    {
        var places = booking.PlaceKeys;
        return [.. places.Select(p => (RedisValue)p.Slot), .. places.Select(p => (RedisValue)p.Quota)];
    }

    private static string IndexEntry(LocalDate date, string code) => RedisMoves.IndexEntry(date, code);

    private static (LocalDate Date, string Code) ParseIndexEntry(string entry)
    {
        var bar = entry.IndexOf('|');
        return (NodaTime.Text.LocalDatePattern.Iso.Parse(entry[..bar]).Value, entry[(bar + 1)..]);
    }
}
