using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

// The booking store's watches, sharded by phone: holds that lapse and reminders that come due, each taken under a lease.
public sealed partial class RedisBookingStore
{
    public async Task<IReadOnlyList<Hold>> TakeLapsedHoldsAsync(Instant now, int max, Duration lease)
    {
        var lapsed = new List<Hold>();
        for (int shard = 0; shard < Outbound.OutboxShards.Count && lapsed.Count < max; shard++)
        {
            var key = _keys.WatchLapses(shard);
            var due = (RedisResult[])(await Db.ScriptEvaluateAsync(WatchScripts.TakeDue, new
            {
                watch = key, now = Ms(now), max = max - lapsed.Count, leaseUntil = Ms(now + lease),
            }))!;
            foreach (var member in due)
            {
                var hold = HoldFromJson((string)member!);
                // Confirmed holds leave the watch in a second step; one that a crash left behind is skipped here.
                if (await Db.HashExistsAsync(_keys.DayHoldCodes(hold.Date), hold.Id))
                {
                    await ForgetLapsedAsync(hold);
                    continue;
                }
                lapsed.Add(hold);
            }
        }
        return lapsed;
    }

    public Task ForgetLapsedAsync(Hold hold) => Db.SortedSetRemoveAsync(_keys.WatchLapses(Shard(hold.Phone)), ToJson(hold));

    public Task ScheduleRemindersAsync(Booking booking, IEnumerable<(string Name, Instant Due)> reminders) =>
        Db.SortedSetAddAsync(_keys.WatchReminders(Shard(booking.Phone)),
            reminders.Select(r => new SortedSetEntry(ReminderMember(new DueReminder(booking.Phone, booking.Date, booking.Code, r.Name)), r.Due.ToUnixTimeMilliseconds())).ToArray());

    public async Task<IReadOnlyList<DueReminder>> TakeDueRemindersAsync(Instant now, int max, Duration lease)
    {
        var due = new List<DueReminder>();
        for (int shard = 0; shard < Outbound.OutboxShards.Count && due.Count < max; shard++)
        {
            var members = (RedisResult[])(await Db.ScriptEvaluateAsync(WatchScripts.TakeDue, new
            {
                watch = _keys.WatchReminders(shard), now = Ms(now), max = max - due.Count, leaseUntil = Ms(now + lease),
            }))!;
            foreach (var member in members)
            {
                var parts = ((string)member!).Split('|');
                due.Add(new DueReminder(parts[0], NodaTime.Text.LocalDatePattern.Iso.Parse(parts[1]).Value, parts[2], parts[3]));
            }
        }
        return due;
    }

    public Task RescheduleReminderAsync(DueReminder reminder, Instant? due)
    {
        var key = _keys.WatchReminders(Shard(reminder.Phone));
        return due is null
            ? Db.SortedSetRemoveAsync(key, ReminderMember(reminder))
            : Db.SortedSetAddAsync(key, ReminderMember(reminder), due.Value.ToUnixTimeMilliseconds());
    }

    /// <summary>A confirmed hold leaves the lapse watch and its booking's reminders are scheduled, in one call on the
    /// phone's watch shard (<see cref="WatchScripts.WatchConfirmed"/>).</summary>
    private Task WatchConfirmedAsync(Hold hold, Booking booking, IReadOnlyList<(string Name, Instant Due)>? reminders)
    {
        var shard = Shard(hold.Phone);
        var args = new List<RedisValue> { ToJson(hold) };
        foreach (var (name, due) in reminders ?? [])
        {
            args.Add(due.ToUnixTimeMilliseconds());
            args.Add(ReminderMember(new DueReminder(booking.Phone, booking.Date, booking.Code, name)));
        }
        return Db.ScriptEvaluateAsync(WatchScripts.WatchConfirmed, [_keys.WatchLapses(shard), _keys.WatchReminders(shard)], [.. args]);
    }

    private static string ReminderMember(DueReminder r) => $"{r.Phone}|{DayId(r.Date)}|{r.Code}|{r.Name}";
}
