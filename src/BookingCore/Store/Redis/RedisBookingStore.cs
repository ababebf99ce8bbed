using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Capacity;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Holds;
using StackExchange.Redis;
using static SmsBooking.BookingCore.Store.StoredRecords;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>The booking store on Redis (single node or cluster).</summary>
/// <remarks>
/// Capacity, confirmation and cancellation are single Lua scripts on the day's hash tag, so no slot can exceed its
/// counters whatever the concurrency. What also touches the phone's tag is done in two steps, ordered so that a crash
/// between them heals by itself:
/// <list type="bullet">
/// <item>Hold: the day's script places the hold (with its expiry as score), then the phone's pointer is set. A crash
/// in between leaves a hold nobody points to; it lapses by its own expiry and frees the place.</item>
/// <item>Confirm: the phone's booking index gets the code first, then the day's script books. A crash in between
/// leaves an index entry with no booking; readers skip entries whose booking does not exist.</item>
/// </list>
/// </remarks>
public sealed class RedisBookingStore : IBookingStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;
    private readonly Duration _retention;
    private readonly ReplicaAcks? _acks;
    private readonly PlaceClaims _claims;
    private readonly RedisMoves _moves;

    /// <param name="acks">Waits for replicas before a citizen is told (<see cref="EnsureDurableAsync"/>); null: none.</param>
    /// <param name="places">The cap on places per phone (<c>Booking:MaxPlacesPerPhone</c>); null: none.</param>
    public RedisBookingStore(IConnectionMultiplexer redis, RedisKeys keys, Duration retention, ReplicaAcks? acks = null, PlacesPerPhone? places = null)
    {
        _redis = redis;
        _keys = keys;
        _retention = retention;
        _acks = acks;
        _claims = new PlaceClaims(redis, keys, places);
        _moves = new RedisMoves(redis, keys, retention);
    }

    private IDatabase Db => _redis.GetDatabase();

    /// <summary>Day keys live until the retention period after the day has passed, then personal data is gone.</summary>
    /// <remarks>A time to live from the caller's <paramref name="now"/>, not an absolute instant, so that the store
    /// follows the injected clock like everything else.</remarks>
    internal static long TimeToLiveMs(LocalDate date, Instant now, Duration retention) =>
        Math.Max(1, (long)(Instant.FromUtc(date.Year, date.Month, date.Day, 0, 0).Plus(Duration.FromDays(2)).Plus(retention) - now).TotalMilliseconds);

    public async Task<IReadOnlyDictionary<string, int>> GetTakenAsync(LocalDate date, Instant now) => (await GetDayUseAsync(date, now)).Taken;

    public Task<bool> TryPlaceHoldAsync(Hold hold, int capacity, Instant now) => TryPlaceHoldAsync(hold, new HoldLimits(capacity), now);

    public async Task<DayUse> GetDayUseAsync(LocalDate date, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.Taken,
            [_keys.DayHolds(date), _keys.DayHeld(date), _keys.DayTaken(date), _keys.DayClosed(date)], [Ms(now)]))!;
        var taken = new Dictionary<string, int>(StringComparer.Ordinal);
        var closed = new Dictionary<string, int>(StringComparer.Ordinal);
        var section = 0; // taken, held (both count as taken), closed
        for (int i = 0; i < result.Length;)
        {
            var field = (string)result[i]!;
            if (field == "#")
            {
                section++;
                i++;
                continue;
            }
            var count = (int)result[i + 1];
            var into = section < 2 ? taken : closed;
            into[field] = into.GetValueOrDefault(field) + count;
            i += 2;
        }
        return new DayUse(taken, closed);
    }

    public async Task<bool> TryPlaceHoldAsync(Hold hold, HoldLimits limits, Instant now)
    {
        limits.Validated();
        var args = new List<RedisValue> { Ms(now), Ms(hold.ExpiresAt), limits.Counters, TimeToLiveMs(hold.Date, now, _retention),
            limits.PerCounterPerHour ?? -1, hold.Party };
        args.AddRange(Members(hold).Select(m => (RedisValue)m));
        var placed = (int)await Db.ScriptEvaluateAsync(RedisScripts.PlaceHold,
            [_keys.DayHolds(hold.Date), _keys.DayHeld(hold.Date), _keys.DayTaken(hold.Date), _keys.DayClosed(hold.Date)], [.. args]);
        if (placed == 0)
        {
            return false;
        }
        var ttl = (hold.ExpiresAt - now).ToTimeSpan();
        var json = ToJson(hold);
        // Then the phone's pointer and the lapse watch, sent together (two tags, one round trip). A crash before either
        // lands means a hold nobody points to (it lapses by itself) or no lapse notice for it, nothing worse.
        var pointer = Db.StringSetAndGetAsync(_keys.PhoneHold(hold.Phone), json, ttl < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : ttl);
        var watch = Db.SortedSetAddAsync(_keys.WatchLapses(Shard(hold.Phone)), json, hold.ExpiresAt.ToUnixTimeMilliseconds());
        await Task.WhenAll(pointer, watch);
        var previous = await pointer;
        if (!previous.IsNullOrEmpty)
        {
            var old = HoldFromJson(previous!);
            if (old.Id != hold.Id)
            {
                await ReleaseInDayAsync(old);
            }
        }
        return true;
    }

    private static int Shard(string phone) => Outbound.OutboxShards.Of(phone);

    public async Task<Hold?> GetHoldAsync(string phone, Instant now)
    {
        var json = await Db.StringGetAsync(_keys.PhoneHold(phone));
        if (json.IsNullOrEmpty)
        {
            return null;
        }
        var hold = HoldFromJson(json!);
        return hold.IsLiveAt(now) ? hold : null;
    }

    public async Task<Hold?> ReleaseHoldAsync(string phone)
    {
        var json = await Db.StringGetDeleteAsync(_keys.PhoneHold(phone));
        if (json.IsNullOrEmpty)
        {
            return null;
        }
        var hold = HoldFromJson(json!);
        await ReleaseInDayAsync(hold);
        return hold;
    }

    private async Task ReleaseInDayAsync(Hold hold)
    {
        await Db.ScriptEvaluateAsync(RedisScripts.ReleaseHold, [_keys.DayHolds(hold.Date), _keys.DayHeld(hold.Date)],
            [.. Members(hold).Select(m => (RedisValue)m)]);
        await ForgetLapsedAsync(hold);
    }

    public async Task<ConfirmResult?> ConfirmAsync(Hold hold, Booking draft, Instant now, IReadOnlyList<(string Name, Instant Due)>? reminders = null)
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
        var (claimed, booked) = await _claims.ClaimAsync(hold, draft, entry, ttl, now);
        if (!claimed && await _claims.RepairAsync(hold.Phone, now, LoadAsync, (date, id, at) => _moves.AbortHoldAsync(date, id, at)))
        {
            (claimed, booked) = await _claims.ClaimAsync(hold, draft, entry, ttl, now);
        }
        if (!claimed)
        {
            return new ConfirmResult(ConfirmOutcome.TooManyPlaces, PlacesBooked: booked);
        }
        var d = hold.Date;
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.Confirm,
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
                if (reminders is { Count: > 0 })
                {
                    var shard = Shard(hold.Phone);
                    var args = new List<RedisValue> { ToJson(hold) };
                    foreach (var (name, due) in reminders)
                    {
                        args.Add(due.ToUnixTimeMilliseconds());
                        args.Add(ReminderMember(new DueReminder(draft.Phone, draft.Date, draft.Code, name)));
                    }
                    await Db.ScriptEvaluateAsync(RedisScripts.WatchConfirmed, [_keys.WatchLapses(shard), _keys.WatchReminders(shard)], [.. args]);
                }
                else
                {
                    await ForgetLapsedAsync(hold);
                }
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

    public async Task<ConfirmResult?> ConfirmMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null)
    {
        if (old.Date != hold.Date)
        {
            return await BeginMoveAsync(hold, draft, old, now, releaseDelay) switch
            {
                MoveStart.Locked or MoveStart.Moved => await ConfirmBegunMoveAsync(hold, draft, old, now, releaseDelay, reminders),
                MoveStart.NotMovable => new ConfirmResult(ConfirmOutcome.NotMovable),
                _ => new ConfirmResult(ConfirmOutcome.MoveAbandoned),
            };
        }
        var (outcome, result) = await ConfirmInNewDayAsync(hold, draft, old, now, releaseDelay, reminders, sameDay: true);
        if (outcome is "ok" or "already")
        {
            // One day, one hash slot: the script replaced the booking and freed its slot at once. The index entry is the
            // old one's (same day, same code, so its claim too): only its score, the start, changes, and only now, so that
            // a crash before the confirmation leaves the index pointing at the booking that stands.
            await Db.ScriptEvaluateAsync(RedisScripts.IndexBooking, [_keys.PhoneBookings(hold.Phone), _keys.PhoneHold(hold.Phone)],
                [draft.Start.ToUnixTimeMilliseconds(), IndexEntry(draft.Date, draft.Code), TimeToLiveMs(draft.Date, now, _retention), hold.Id]);
        }
        return result ?? (outcome == "gone" ? new ConfirmResult(ConfirmOutcome.NotMovable) : null);
    }

    public Task<MoveStart> BeginMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay) =>
        _moves.BeginAsync(hold, draft, old, now, releaseDelay);

    public async Task<ConfirmResult?> ConfirmBegunMoveAsync(Hold hold, Booking draft, Booking old, Instant now, Duration releaseDelay,
        IReadOnlyList<(string Name, Instant Due)>? reminders = null)
    {
        var (outcome, result) = await ConfirmInNewDayAsync(hold, draft, old, now, releaseDelay, reminders, sameDay: false);
        switch (outcome)
        {
            case "ok" or "already":
                return result;
            case "lapsed" or "aborted":
                // The hold ran out, or a finisher gave the move up: it ends here, the old booking standing as it was.
                await _moves.GiveUpAsync(hold, draft, old, now, releaseDelay);
                return result;
            default:
                // The code or the PIN is taken on the new day: undone (not given up), the hold kept for the next draft.
                await _moves.UndoAsync(hold, draft, old, now, releaseDelay);
                return result;
        }
    }

    /// <summary>The new day's script of a move (<see cref="RedisScripts.ConfirmMove"/>): its outcome and the result for
    /// the caller (null for a PIN clash; for "gone", which only the same day's step has).</summary>
    private async Task<(string Outcome, ConfirmResult? Result)> ConfirmInNewDayAsync(Hold hold, Booking draft, Booking old, Instant now,
        Duration releaseDelay, IReadOnlyList<(string Name, Instant Due)>? reminders, bool sameDay)
    {
        var d = hold.Date;
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.ConfirmMove,
            [_keys.DayHolds(d), _keys.DayHeld(d), _keys.DayTaken(d), _keys.DayBookings(d), _keys.DayStatus(d), _keys.DayPins(d), _keys.DayHoldCodes(d),
                _keys.DayAborted(d)],
            [Ms(now), Member(hold), hold.SlotKey, hold.Id, draft.Code, draft.Pin, ToJson(draft), TimeToLiveMs(d, now, _retention), QuotaMember(hold),
                hold.QuotaKey, sameDay ? 1 : 0, old.SlotKey, old.QuotaKey, old.Pin, (long)releaseDelay.TotalMilliseconds, old.HoldId]))!;
        var outcome = (string)result[0]!;
        switch (outcome)
        {
            case "ok":
                var shard = Shard(hold.Phone);
                var args = new List<RedisValue> { ToJson(hold) };
                foreach (var (name, due) in reminders ?? [])
                {
                    args.Add(due.ToUnixTimeMilliseconds());
                    args.Add(ReminderMember(new DueReminder(draft.Phone, draft.Date, draft.Code, name)));
                }
                await Db.ScriptEvaluateAsync(RedisScripts.WatchConfirmed, [_keys.WatchLapses(shard), _keys.WatchReminders(shard)], [.. args]);
                return (outcome, new ConfirmResult(ConfirmOutcome.Confirmed, draft));
            case "already":
                return (outcome, new ConfirmResult(ConfirmOutcome.AlreadyConfirmed, BookingFromJson((string)result[1]!, ParseStatus((string?)result[2]))));
            case "lapsed":
                return (outcome, new ConfirmResult(ConfirmOutcome.HoldLapsed));
            case "aborted":
                return (outcome, new ConfirmResult(ConfirmOutcome.MoveAbandoned));
            case "code":
                return (outcome, new ConfirmResult(ConfirmOutcome.CodeTaken));
            default:
                return (outcome, null); // "secret": the PIN is taken that day; "gone": the caller's to say
        }
    }

    public Task<int> FinishMovesAsync(string phone, Instant now) => _moves.SettleAllAsync(phone, now, giveUp: false);

    public Task AbandonMovesAsync(string phone, Instant now, string? keepHoldId = null) => _moves.SettleAllAsync(phone, now, giveUp: true, keepHoldId);

    public async Task<IReadOnlyList<string>> TakeUnfinishedMovesAsync(Instant now, int max, Duration lease)
    {
        var phones = new List<string>();
        for (int shard = 0; shard < Outbound.OutboxShards.Count && phones.Count < max; shard++)
        {
            var due = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.TakeDue, [_keys.WatchMoves(shard)],
                [Ms(now), max - phones.Count, Ms(now + lease)]))!;
            phones.AddRange(due.Select(m => (string)m!));
        }
        return phones;
    }

    public Task ForgetUnfinishedMovesAsync(string phone) => Db.SortedSetRemoveAsync(_keys.WatchMoves(Shard(phone)), phone);

    public async Task<Booking?> CancelAsync(string phone, string code, Instant now, Duration releaseDelay)
    {
        var booking = (await GetBookingsAsync(phone, Instant.MinValue)).FirstOrDefault(b => b.Code == code && b.Status == BookingStatus.Booked);
        return booking is null ? null : await CancelBookingAsync(booking, now, releaseDelay);
    }

    public async Task<Booking?> CancelBookingAsync(Booking booking, Instant now, Duration releaseDelay)
    {
        var d = booking.Date;
        var cancelled = (int)await Db.ScriptEvaluateAsync(RedisScripts.Cancel,
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

    public async Task<IReadOnlyList<(string SlotKey, int Over)>> AddClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots, Instant now)
    {
        var d = closure.Date;
        var args = new List<RedisValue> { Ms(now), closure.Id, ToJson(closure), TimeToLiveMs(d, now, _retention) };
        foreach (var slot in slots)
        {
            args.AddRange([slot.SlotKey, slot.Closed, slot.Counters]);
        }
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.AddClosure,
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
        var result = (int)await Db.ScriptEvaluateAsync(RedisScripts.CancelIfOver,
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
        Db.ScriptEvaluateAsync(RedisScripts.SaveClosure, [_keys.DayClosures(closure.Date)], [closure.Id, ToJson(closure)]);

    public async Task<bool> RemoveClosureAsync(Closure closure, IReadOnlyList<ClosedSlot> slots)
    {
        var args = new List<RedisValue> { closure.Id };
        foreach (var slot in slots)
        {
            args.AddRange([slot.SlotKey, slot.Closed]);
        }
        return (int)await Db.ScriptEvaluateAsync(RedisScripts.RemoveClosure, [_keys.DayClosed(closure.Date), _keys.DayClosures(closure.Date)], [.. args]) == 1;
    }

    public async Task<IReadOnlyList<string>> GetClosureCancelledAsync(LocalDate date, string closureId) =>
        (await Db.SetMembersAsync(_keys.DayClosureCancelled(date, closureId))).Select(v => (string)v!).ToList();

    public async Task<IReadOnlyList<Closure>> GetClosuresAsync(LocalDate date) =>
        (await Db.HashGetAllAsync(_keys.DayClosures(date))).Select(e => ClosureFromJson(e.Value!)).OrderBy(c => c.At).ThenBy(c => c.Id, StringComparer.Ordinal).ToList();

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

    public async Task<IReadOnlyList<Hold>> TakeLapsedHoldsAsync(Instant now, int max, Duration lease)
    {
        var lapsed = new List<Hold>();
        for (int shard = 0; shard < Outbound.OutboxShards.Count && lapsed.Count < max; shard++)
        {
            var key = _keys.WatchLapses(shard);
            var due = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.TakeDue, [key],
                [Ms(now), max - lapsed.Count, Ms(now + lease)]))!;
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
            var members = (RedisResult[])(await Db.ScriptEvaluateAsync(RedisScripts.TakeDue, [_keys.WatchReminders(shard)],
                [Ms(now), max - due.Count, Ms(now + lease)]))!;
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

    private static string ReminderMember(DueReminder r) => $"{r.Phone}|{DayId(r.Date)}|{r.Code}|{r.Name}";

    private async Task<Booking?> LoadAsync(LocalDate date, string code)
    {
        var batch = Db.CreateBatch();
        var json = batch.HashGetAsync(_keys.DayBookings(date), code);
        var status = batch.HashGetAsync(_keys.DayStatus(date), code);
        batch.Execute();
        var j = await json;
        return j.IsNullOrEmpty ? null : BookingFromJson(j!, ParseStatus(await status));
    }

    public async Task<bool> PingAsync()
    {
        try
        {
            await Db.PingAsync();
            return true;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return false;
        }
    }

    /// <remarks>The day's bookings key and the phone's index stand for their hash tags: a tag lives on one node, and
    /// <see cref="ReplicaAcks"/> waits for everything written to that node so far.</remarks>
    public Task EnsureDurableAsync(string step, string? phone, params LocalDate[] days)
    {
        if (_acks is null || _acks.Required == 0)
        {
            return Task.CompletedTask;
        }
        var keys = days.Distinct().Select(_keys.DayBookings).ToList();
        if (phone is not null)
        {
            keys.Add(_keys.PhoneBookings(phone));
        }
        return _acks.EnsureAsync(step, [.. keys]);
    }

    /// <summary>The hold's members of the day's holds: each person's slot member, then each person's quota member. The
    /// first person's are <c>key|id</c> as a hold of one always had; the others' <c>key|id~n</c>, unique in the set
    /// even when a party's places share a slot (parallel counters) and read back as one hold by the closure script.</summary>
    internal static List<string> Members(Hold hold)
    {
        var places = hold.PlaceKeys;
        var members = new List<string>(places.Count * 2);
        members.AddRange(places.Select((p, i) => $"{p.Slot}|{hold.Id}{Suffix(i)}"));
        members.AddRange(places.Select((p, i) => $"{p.Quota}|{hold.Id}{Suffix(i)}"));
        return members;
    }

    /// <summary>A one-person hold's slot member and activity-hour member (a move's: a party's booking is not moved).</summary>
    private static string Member(Hold hold) => $"{hold.SlotKey}|{hold.Id}";

    private static string QuotaMember(Hold hold) => $"{hold.QuotaKey}|{hold.Id}";

    private static string Suffix(int place) => place == 0 ? "" : "~" + place.ToString(System.Globalization.CultureInfo.InvariantCulture);

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
