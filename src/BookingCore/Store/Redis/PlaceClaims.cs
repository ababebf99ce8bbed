using System.Globalization;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The phone's claims of places under <c>Booking:MaxPlacesPerPhone</c> (<see cref="PlaceScripts"/>), for
/// <see cref="RedisBookingStore"/>.</summary>
/// <remarks>A booking claims its places in the phone's script that adds its index entry, before the day's script books
/// it, and gives them back after the day's script cancels it. Both are two tags, so a crash between the two steps can
/// leave a claim behind: of a booking cancelled, or of a confirmation that never reached its day. A phone given as a
/// booking's contact (a web booking's mobile) claims its places too, under its own cap, and a cancel does not give them
/// back (the booking does not name it). Such a claim counts
/// until its visit passes, unless the phone meets the cap: then <see cref="RepairAsync"/> drops it and the claim is tried
/// once more.</remarks>
internal sealed class PlaceClaims(IConnectionMultiplexer redis, RedisKeys keys, PlacesPerPhone? cap)
{
    private IDatabase Db => redis.GetDatabase();

    /// <summary>Claims the hold's places for the draft's index entry unless the phone's other upcoming places and these
    /// would pass the cap; adds the entry and drops the hold pointer in the same step. Returns whether it was claimed
    /// and the places the phone claims besides. With <paramref name="guard"/>, the phone's lease is checked and taken
    /// first (<see cref="PhoneGuard"/>), and <see cref="PhoneMovedOnException"/> thrown when it is no longer the guard's.</summary>
    public async Task<(bool Claimed, int Booked)> ClaimAsync(Hold hold, Booking draft, string entry, long ttlMs, Instant now, PhoneGuard? guard = null)
    {
        var since = now - (cap?.CountedAfterStart ?? Duration.Zero);
        var claim = string.Create(CultureInfo.InvariantCulture, $"{hold.Party}|{hold.Id}|{hold.ExpiresAt.ToUnixTimeMilliseconds()}");
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(PlaceScripts.Claim, new
        {
            index = keys.PhoneBookings(hold.Phone), pointer = keys.PhoneHold(hold.Phone), places = keys.PhonePlaces(hold.Phone),
            score = draft.Start.ToUnixTimeMilliseconds(), entry, ttl = ttlMs, holdId = hold.Id, claim, party = hold.Party, cap = cap?.Max ?? 0,
            since = since.ToUnixTimeMilliseconds(), lease = keys.PhoneLease(hold.Phone), token = guard?.Token ?? "",
            leaseMs = (long)(guard?.Lease.TotalMilliseconds ?? 0), messages = keys.PhoneMessages(hold.Phone), rate = keys.PhoneRate(hold.Phone),
            sid = guard?.Message.Sid ?? "", now = guard?.Message.Now.ToUnixTimeMilliseconds() ?? 0, keep = (long)(guard?.Message.Keep.TotalMilliseconds ?? 0),
            window = (long)(guard?.RateWindow?.TotalMilliseconds ?? 0),
        }))!;
        switch ((int)result[0])
        {
            case -1:
                throw new PhoneMovedOnException(seen: false);
            case -2:
                throw new PhoneMovedOnException(seen: true);
        }
        if (guard is not null)
        {
            guard.Taken = true;
        }
        return ((int)result[0] == 1, (int)result[1]);
    }

    /// <summary>The booking behind <paramref name="entry"/> no longer claims places; with <paramref name="dropEntry"/>
    /// its index entry goes too (nothing was booked under it).</summary>
    public Task UnclaimAsync(string phone, string entry, bool dropEntry) =>
        Db.ScriptEvaluateAsync(PlaceScripts.Unclaim, new
        {
            index = keys.PhoneBookings(phone), places = keys.PhonePlaces(phone), entry, dropEntry = dropEntry ? 1 : 0,
        });

    /// <summary>A moved booking's contact carries its claim from <paramref name="oldEntry"/> to the new booking's entry
    /// (<see cref="PlaceScripts.CarryContact"/>), on the contact's own tag.</summary>
    public Task CarryAsync(string contact, string oldEntry, Hold hold, Booking moved, string entry, long ttlMs) =>
        Db.ScriptEvaluateAsync(PlaceScripts.CarryContact, new
        {
            index = keys.PhoneBookings(contact), places = keys.PhonePlaces(contact), oldEntry, entry, score = moved.Start.ToUnixTimeMilliseconds(),
            ttl = ttlMs, claim = string.Create(CultureInfo.InvariantCulture, $"{moved.Party}|{hold.Id}|{hold.ExpiresAt.ToUnixTimeMilliseconds()}"),
        });

    /// <summary>Drops the claims that a crash left behind: of the phone's bookings cancelled, and of confirmations that
    /// never reached their day and can no longer (their hold run out, with <see cref="PendingMove.Margin"/>, is given up
    /// on its day first, so that a late confirmation of it is refused). True when one was dropped.</summary>
    public async Task<bool> RepairAsync(string phone, Instant now, Func<LocalDate, string, Task<Booking?>> load, Func<LocalDate, string, Instant, Task<string>> abortHold)
    {
        var dropped = false;
        foreach (var claim in await Db.HashGetAllAsync(keys.PhonePlaces(phone)))
        {
            var entry = (string)claim.Name!;
            var bar = entry.IndexOf('|');
            var date = NodaTime.Text.LocalDatePattern.Iso.Parse(entry[..bar]).Value;
            var code = entry[(bar + 1)..];
            var booking = await load(date, code);
            var mine = booking is not null && booking.Phone == phone;
            if (mine && booking!.Status is not (BookingStatus.Cancelled or BookingStatus.NoShow))
            {
                continue; // it stands
            }
            if (!mine)
            {
                var parts = ((string)claim.Value!).Split('|');
                if (parts.Length < 3 || !long.TryParse(parts[2], CultureInfo.InvariantCulture, out var expiresMs)
                    || now < Instant.FromUnixTimeMilliseconds(expiresMs) + PendingMove.Margin)
                {
                    continue; // its confirmation may be under way
                }
                // A booking of another owner naming this phone as its contact (a web booking's mobile) counts while it
                // stands; cancelled, its claim goes.
                if (booking is not { Status: BookingStatus.Cancelled or BookingStatus.NoShow } && await abortHold(date, parts[1], now) == code)
                {
                    continue; // it became this very booking after all
                }
            }
            await UnclaimAsync(phone, entry, dropEntry: !mine);
            dropped = true;
        }
        return dropped;
    }
}
