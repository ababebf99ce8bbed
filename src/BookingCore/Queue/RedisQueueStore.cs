using System.Globalization;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The calling queue on Redis: every script touches one office day's hash tag (or one kiosk key's).
/// Queue keys live 3 days: a queue is the day's business.</summary>
public sealed class RedisQueueStore : IQueueStore
{
    // KEYS status, pintickets, ticketno, tickets, priority queue, queue version; ARGV pin, code, agenda, start ms, now ms.
    // {'same'|'new', ticket} or {'invalid'}.
    private const string CheckInScript = """
        local st = redis.call('HGET', KEYS[1], ARGV[2])
        local t = redis.call('HGET', KEYS[2], ARGV[1])
        if t then
          if st == 'CheckedIn' then return {'same', t} end
          return {'invalid'}
        end
        if st ~= 'Booked' then return {'invalid'} end
        local n = redis.call('HINCRBY', KEYS[3], 'P', 1)
        t = string.format('P%03d', n)
        redis.call('HSET', KEYS[2], ARGV[1], t)
        redis.call('HSET', KEYS[1], ARGV[2], 'CheckedIn')
        redis.call('HSET', KEYS[4], t, ARGV[2] .. '|' .. ARGV[3] .. '|' .. ARGV[4] .. '|' .. ARGV[5])
        redis.call('RPUSH', KEYS[5], t)
        redis.call('INCR', KEYS[6])
        for i = 2, 6 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {'new', t}
        """;

    // KEYS ticketno, tickets, walk-in queue, queue version; ARGV agenda, now ms, the agenda's daily cap (0: none). The
    // ticket, or '' past the cap. Tickets are numbered across agendas (A001...), and counted per agenda under 'A:<agenda>'.
    private const string WalkInScript = """
        local cap = tonumber(ARGV[3])
        if cap > 0 and tonumber(redis.call('HGET', KEYS[1], 'A:' .. ARGV[1]) or '0') >= cap then return '' end
        redis.call('HINCRBY', KEYS[1], 'A:' .. ARGV[1], 1)
        local n = redis.call('HINCRBY', KEYS[1], 'A', 1)
        local t = string.format('A%03d', n)
        redis.call('HSET', KEYS[2], t, '|' .. ARGV[1] .. '||' .. ARGV[2])
        redis.call('RPUSH', KEYS[3], t)
        redis.call('INCR', KEYS[4])
        for i = 1, 4 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return t
        """;

    // Every counter script below works on the counter's entry in serving (ticket|ms of its last call|call number) and
    // raises the queue version; a ticket's record in tickets is code|agenda|start ms|issued ms (code empty for a
    // walk-in). Keys live 3 days: a queue is the day's business.

    // KEYS priority queue, walk-in queue, tickets, status, serving, calls, call counts, service times, queue version,
    // ticketno; ARGV counter, now ms. {ticket, info, call number}, or {} when nobody waits. The counter's previous ticket
    // is done as DoneScript does it. A ticket's first call adds its wait from check-in (or the walk-in ticket) to the
    // day's figures in ticketno, per kind (called:P, waited:P, called:A, waited:A).
    private const string NextScript = """
        local now = tonumber(ARGV[2])
        local prev = redis.call('HGET', KEYS[5], ARGV[1])
        if prev then
          local pt, pms = string.match(prev, '^([^|]*)|?([^|]*)')
          local code, agenda = string.match(redis.call('HGET', KEYS[3], pt) or '', '^([^|]*)|([^|]*)')
          if code and code ~= '' and redis.call('HGET', KEYS[4], code) == 'Called' then redis.call('HSET', KEYS[4], code, 'Done') end
          if agenda and agenda ~= '' then
            redis.call('HINCRBY', KEYS[8], agenda .. '|n', 1)
            redis.call('HINCRBY', KEYS[8], agenda .. '|ms', math.max(0, now - (tonumber(pms) or now)))
          end
          redis.call('HDEL', KEYS[5], ARGV[1])
          redis.call('INCR', KEYS[9])
        end
        local t = redis.call('LPOP', KEYS[1])
        if not t then t = redis.call('LPOP', KEYS[2]) end
        if not t then return {} end
        local info = redis.call('HGET', KEYS[3], t)
        local code = string.match(info, '^([^|]*)|')
        if code ~= '' then redis.call('HSET', KEYS[4], code, 'Called') end
        local n = redis.call('HINCRBY', KEYS[7], t, 1)
        local issued = tonumber(string.match(info, '|([^|]*)$'))
        if n == 1 and issued then
          local kind = string.sub(t, 1, 1)
          redis.call('HINCRBY', KEYS[10], 'called:' .. kind, 1)
          redis.call('HINCRBY', KEYS[10], 'waited:' .. kind, math.max(0, now - issued))
        end
        redis.call('HSET', KEYS[5], ARGV[1], t .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LPUSH', KEYS[6], t .. '|' .. ARGV[1] .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LTRIM', KEYS[6], 0, 49)
        redis.call('INCR', KEYS[9])
        for i = 5, 9 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {t, info, n}
        """;

    // KEYS serving, tickets, calls, call counts, queue version; ARGV counter, now ms, max calls.
    // {'ok', ticket, info, call number} called again; {'max', ticket, info, calls, ms of the last call}; {'none'}.
    private const string RecallScript = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {'none'} end
        local t, ms = string.match(cur, '^([^|]*)|?([^|]*)')
        local info = redis.call('HGET', KEYS[2], t) or '||'
        local n = tonumber(redis.call('HGET', KEYS[4], t)) or 1
        if n >= tonumber(ARGV[3]) then return {'max', t, info, n, ms} end
        n = redis.call('HINCRBY', KEYS[4], t, 1)
        redis.call('HSET', KEYS[1], ARGV[1], t .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LPUSH', KEYS[3], t .. '|' .. ARGV[1] .. '|' .. ARGV[2] .. '|' .. n)
        redis.call('LTRIM', KEYS[3], 0, 49)
        redis.call('INCR', KEYS[5])
        for i = 3, 5 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {'ok', t, info, n}
        """;

    // KEYS serving, tickets, status, call counts, priority queue, walk-in queue, queue version; ARGV counter, max calls.
    // {'requeued'|'dropped', ticket, info, calls} or {'none'}. Requeued right behind the next waiting ticket of its kind,
    // so another client is served first and the missing one gets a moment to come.
    private const string NoShowScript = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {'none'} end
        local t = string.match(cur, '^([^|]*)')
        redis.call('HDEL', KEYS[1], ARGV[1])
        local info = redis.call('HGET', KEYS[2], t) or '||'
        local code = string.match(info, '^([^|]*)')
        local called = code ~= '' and redis.call('HGET', KEYS[3], code) == 'Called'
        local n = tonumber(redis.call('HGET', KEYS[4], t)) or 1
        local outcome = 'dropped'
        if n < tonumber(ARGV[2]) then
          local q = KEYS[6]
          if string.sub(t, 1, 1) == 'P' then q = KEYS[5] end
          local first = redis.call('LINDEX', q, 0)
          if first then redis.call('LINSERT', q, 'AFTER', first, t) else redis.call('RPUSH', q, t) end
          redis.call('PEXPIRE', q, 259200000)
          if called then redis.call('HSET', KEYS[3], code, 'CheckedIn') end
          outcome = 'requeued'
        elseif called then
          redis.call('HSET', KEYS[3], code, 'NoShow')
        end
        redis.call('INCR', KEYS[7])
        redis.call('PEXPIRE', KEYS[7], 259200000)
        return {outcome, t, info, n}
        """;

    // KEYS serving, tickets, status, service times, queue version; ARGV counter, now ms.
    // {ticket, info, service ms} or {}.
    private const string DoneScript = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {} end
        local t, ms = string.match(cur, '^([^|]*)|?([^|]*)')
        redis.call('HDEL', KEYS[1], ARGV[1])
        local info = redis.call('HGET', KEYS[2], t) or '||'
        local code, agenda = string.match(info, '^([^|]*)|([^|]*)')
        if code and code ~= '' and redis.call('HGET', KEYS[3], code) == 'Called' then redis.call('HSET', KEYS[3], code, 'Done') end
        local now = tonumber(ARGV[2])
        local dt = math.max(0, now - (tonumber(ms) or now))
        if agenda and agenda ~= '' then
          redis.call('HINCRBY', KEYS[4], agenda .. '|n', 1)
          redis.call('HINCRBY', KEYS[4], agenda .. '|ms', dt)
        end
        redis.call('INCR', KEYS[5])
        for i = 4, 5 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {t, info, dt}
        """;

    // KEYS serving, tickets, status, call counts, priority queue, walk-in queue, queue version; ARGV counter, agenda.
    // {ticket, new info} or {}. The ticket keeps its number and kind, waits at the front of its kind, calls afresh.
    private const string TransferScript = """
        local cur = redis.call('HGET', KEYS[1], ARGV[1])
        if not cur then return {} end
        local t = string.match(cur, '^([^|]*)')
        redis.call('HDEL', KEYS[1], ARGV[1])
        local code, rest = string.match(redis.call('HGET', KEYS[2], t) or '||', '^([^|]*)|[^|]*(.*)$')
        local info = code .. '|' .. ARGV[2] .. rest
        redis.call('HSET', KEYS[2], t, info)
        redis.call('HDEL', KEYS[4], t)
        local q = KEYS[6]
        if string.sub(t, 1, 1) == 'P' then q = KEYS[5] end
        redis.call('LPUSH', q, t)
        if code ~= '' and redis.call('HGET', KEYS[3], code) == 'Called' then redis.call('HSET', KEYS[3], code, 'CheckedIn') end
        redis.call('INCR', KEYS[7])
        redis.call('PEXPIRE', q, 259200000)
        redis.call('PEXPIRE', KEYS[7], 259200000)
        return {t, info}
        """;

    // The kiosk key's guard, a hash: failed (wrong PINs of the window), pending (attempts reserved and still being
    // looked up), since (the window's start; 0 after a lockout, so the next attempt opens a window), until (end of the
    // lockout), strikes (lockouts in a row), quiet (when the quiet time that forgives the strikes started: the last
    // failure or the end of the last lockout, whichever is later).

    // KEYS guard; ARGV now ms, max failures, window ms, busy retry ms, max failures an hour, hour ms.
    // {1, 0} reserved, {0, locked-until ms} locked out, {2, retry-at ms} busy (the window's attempts all in flight).
    // hfailed/hsince are the hour's wrong PINs and the hour's start, the second budget.
    private const string ReserveScript = """
        local now = tonumber(ARGV[1])
        local v = redis.call('HMGET', KEYS[1], 'failed', 'pending', 'since', 'until', 'hfailed', 'hsince')
        local locked = tonumber(v[4]) or 0
        if locked > now then return {0, locked} end
        local failed = tonumber(v[1]) or 0
        local pending = tonumber(v[2]) or 0
        local since = tonumber(v[3]) or now
        local hfailed = tonumber(v[5]) or 0
        local hsince = tonumber(v[6]) or now
        if now - since > tonumber(ARGV[3]) then failed = 0; pending = 0; since = now end
        if now - hsince > tonumber(ARGV[6]) then hfailed = 0; hsince = now end
        if failed + pending >= tonumber(ARGV[2]) or hfailed + pending >= tonumber(ARGV[5]) then return {2, now + tonumber(ARGV[4])} end
        redis.call('HSET', KEYS[1], 'failed', failed, 'pending', pending + 1, 'since', since, 'hfailed', hfailed, 'hsince', hsince)
        if redis.call('PTTL', KEYS[1]) < 86400000 then redis.call('PEXPIRE', KEYS[1], 86400000) end
        return {1, 0}
        """;

    // KEYS guard; ARGV now ms, max failures, lockout ms, quiet ms, max failures an hour, hour ms. Locked-until ms, or 0.
    // Each lockout in a row lasts twice the one before; a quiet hour after the lockout's end forgives them.
    private const string FailScript = """
        local now = tonumber(ARGV[1])
        local v = redis.call('HMGET', KEYS[1], 'failed', 'pending', 'since', 'until', 'strikes', 'quiet', 'hfailed', 'hsince')
        local hsince = tonumber(v[8]) or now
        local hfailed = tonumber(v[7]) or 0
        if now - hsince > tonumber(ARGV[6]) then hfailed = 0; hsince = now end
        hfailed = hfailed + 1
        local failed = (tonumber(v[1]) or 0) + 1
        local pending = math.max((tonumber(v[2]) or 0) - 1, 0)
        local since = tonumber(v[3]) or now
        local locked = tonumber(v[4]) or 0
        local strikes = tonumber(v[5]) or 0
        local quiet = tonumber(v[6]) or now
        if now - quiet > tonumber(ARGV[4]) then strikes = 0 end
        quiet = math.max(quiet, now)
        if (failed >= tonumber(ARGV[2]) or hfailed >= tonumber(ARGV[5])) and locked <= now then
          strikes = strikes + 1
          locked = now + tonumber(ARGV[3]) * 2 ^ math.min(strikes - 1, 10)
          failed = 0; pending = 0; since = 0; quiet = locked; hfailed = 0; hsince = locked
        end
        redis.call('HSET', KEYS[1], 'failed', failed, 'pending', pending, 'since', since, 'until', locked, 'strikes', strikes, 'quiet', quiet,
          'hfailed', hfailed, 'hsince', hsince)
        redis.call('PEXPIRE', KEYS[1], math.max(86400000, quiet - now + tonumber(ARGV[4])))
        if locked > now then return locked end
        return 0
        """;

    // KEYS guard. Gives one reserved attempt back.
    private const string RefundScript = """
        local pending = tonumber(redis.call('HGET', KEYS[1], 'pending')) or 0
        if pending > 0 then redis.call('HSET', KEYS[1], 'pending', pending - 1) end
        return pending
        """;

    // KEYS guard; ARGV now ms. Forgets the guard but for the attempts still being looked up; locked-until ms if locked, or 0.
    private const string UnlockScript = """
        local v = redis.call('HMGET', KEYS[1], 'until', 'pending')
        local locked = tonumber(v[1]) or 0
        local pending = tonumber(v[2]) or 0
        redis.call('DEL', KEYS[1])
        if pending > 0 then
          redis.call('HSET', KEYS[1], 'pending', pending, 'since', ARGV[1])
          redis.call('PEXPIRE', KEYS[1], 86400000)
        end
        if locked > tonumber(ARGV[1]) then return locked end
        return 0
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;

    public RedisQueueStore(IConnectionMultiplexer redis, RedisKeys keys)
    {
        _redis = redis;
        _keys = keys;
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<Ticket?> CheckInAsync(LocalDate date, string pin, string bookingCode, string agendaId, Instant start, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CheckInScript,
            [_keys.DayStatus(date), _keys.DayPinTickets(date), _keys.DayTicketNumbers(date), _keys.DayTickets(date), _keys.DayPriorityQueue(date),
                _keys.DayQueueVersion(date)],
            [pin, bookingCode, agendaId, start.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()]))!;
        return (string)result[0]! == "invalid" ? null : new Ticket((string)result[1]!, true, agendaId, start, bookingCode);
    }

    public async Task<Ticket?> TryWalkInAsync(LocalDate date, string agendaId, Instant now, int dailyCap)
    {
        var number = (string)(await Db.ScriptEvaluateAsync(WalkInScript,
            [_keys.DayTicketNumbers(date), _keys.DayTickets(date), _keys.DayWalkInQueue(date), _keys.DayQueueVersion(date)],
            [agendaId, now.ToUnixTimeMilliseconds(), dailyCap]))!;
        return number.Length == 0 ? null : new Ticket(number, false, agendaId, null, null);
    }

    public async Task<Call?> NextAsync(LocalDate date, string counter, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(NextScript,
            [_keys.DayPriorityQueue(date), _keys.DayWalkInQueue(date), _keys.DayTickets(date), _keys.DayStatus(date), _keys.DayServing(date),
                _keys.DayCalls(date), _keys.DayCallCounts(date), _keys.DayServiceTimes(date), _keys.DayQueueVersion(date),
                _keys.DayTicketNumbers(date)],
            [counter, now.ToUnixTimeMilliseconds()]))!;
        return result.Length == 0 ? null : new Call(ParseTicket((string)result[0]!, (string)result[1]!), counter, now, (int)result[2]);
    }

    public async Task<RecallResult> RecallAsync(LocalDate date, string counter, Instant now, int maxCalls)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(RecallScript,
            [_keys.DayServing(date), _keys.DayTickets(date), _keys.DayCalls(date), _keys.DayCallCounts(date), _keys.DayQueueVersion(date)],
            [counter, now.ToUnixTimeMilliseconds(), maxCalls]))!;
        var ticket = result.Length > 1 ? ParseTicket((string)result[1]!, (string)result[2]!) : null;
        return (string)result[0]! switch
        {
            "ok" => new RecallResult(RecallOutcome.Recalled, new Call(ticket!, counter, now, (int)result[3])),
            "max" => new RecallResult(RecallOutcome.MaxCalls, new Call(ticket!, counter, ParseMs((string?)result[4]) ?? now, (int)result[3])),
            _ => new RecallResult(RecallOutcome.NothingCalled),
        };
    }

    public async Task<NoShowResult> NoShowAsync(LocalDate date, string counter, Instant now, int maxCalls)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(NoShowScript,
            [_keys.DayServing(date), _keys.DayTickets(date), _keys.DayStatus(date), _keys.DayCallCounts(date), _keys.DayPriorityQueue(date),
                _keys.DayWalkInQueue(date), _keys.DayQueueVersion(date)],
            [counter, maxCalls]))!;
        return (string)result[0]! switch
        {
            "requeued" => new NoShowResult(NoShowOutcome.Requeued, ParseTicket((string)result[1]!, (string)result[2]!), (int)result[3]),
            "dropped" => new NoShowResult(NoShowOutcome.DroppedOut, ParseTicket((string)result[1]!, (string)result[2]!), (int)result[3]),
            _ => new NoShowResult(NoShowOutcome.NothingCalled),
        };
    }

    public async Task<DoneResult?> DoneAsync(LocalDate date, string counter, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(DoneScript,
            [_keys.DayServing(date), _keys.DayTickets(date), _keys.DayStatus(date), _keys.DayServiceTimes(date), _keys.DayQueueVersion(date)],
            [counter, now.ToUnixTimeMilliseconds()]))!;
        return result.Length == 0 ? null
            : new DoneResult(ParseTicket((string)result[0]!, (string)result[1]!), Duration.FromMilliseconds((long)result[2]));
    }

    public async Task<Ticket?> TransferAsync(LocalDate date, string counter, string agendaId, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(TransferScript,
            [_keys.DayServing(date), _keys.DayTickets(date), _keys.DayStatus(date), _keys.DayCallCounts(date), _keys.DayPriorityQueue(date),
                _keys.DayWalkInQueue(date), _keys.DayQueueVersion(date)],
            [counter, agendaId]))!;
        return result.Length == 0 ? null : ParseTicket((string)result[0]!, (string)result[1]!);
    }

    public async Task<QueueSnapshot> SnapshotAsync(LocalDate date)
    {
        var batch = Db.CreateBatch();
        var serving = batch.HashGetAllAsync(_keys.DayServing(date));
        var calls = batch.ListRangeAsync(_keys.DayCalls(date), 0, 19);
        var tickets = batch.HashGetAllAsync(_keys.DayTickets(date));
        var priority = batch.ListRangeAsync(_keys.DayPriorityQueue(date));
        var walkIns = batch.ListRangeAsync(_keys.DayWalkInQueue(date));
        var service = batch.HashGetAllAsync(_keys.DayServiceTimes(date));
        var version = batch.StringGetAsync(_keys.DayQueueVersion(date));
        batch.Execute();
        var info = (await tickets).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        Ticket TicketOf(string number) => ParseTicket(number, info.GetValueOrDefault(number, "||"));
        // Calls as the scripts write them: ticket|ms|n in serving (counter is the field), ticket|counter|ms|n in calls; n
        // is missing in what a gateway before the call counts wrote.
        Call ToCall(string ticket, string counter, string ms, string? n) =>
            new(TicketOf(ticket), counter, ParseMs(ms) ?? Instant.FromUnixTimeMilliseconds(0),
                int.TryParse(n, CultureInfo.InvariantCulture, out var number) ? number : 1);
        var now = (await serving).Select(e =>
        {
            var parts = ((string)e.Value!).Split('|');
            return ToCall(parts[0], e.Name!, parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2));
        }).OrderByDescending(c => c.At).ToList();
        var recent = (await calls).Select(v =>
        {
            var parts = ((string)v!).Split('|');
            return ToCall(parts[0], parts[1], parts[2], parts.ElementAtOrDefault(3));
        }).ToList();
        var waiting = (await priority).Concat(await walkIns).Select(t => TicketOf(t!)).ToList();
        var times = new Dictionary<string, ServiceTimes>(StringComparer.Ordinal);
        foreach (var e in await service)
        {
            var name = (string)e.Name!;
            var bar = name.LastIndexOf('|');
            var agenda = name[..bar];
            var t = times.GetValueOrDefault(agenda);
            times[agenda] = name[(bar + 1)..] == "n" ? t with { Count = (int)e.Value } : t with { Total = Duration.FromMilliseconds((long)e.Value) };
        }
        return new QueueSnapshot(now, recent, waiting, times, (long?)await version ?? 0);
    }

    public async Task<long> VersionAsync(LocalDate date) => (long?)await Db.StringGetAsync(_keys.DayQueueVersion(date)) ?? 0;

    private static Instant? ParseMs(string? ms) =>
        long.TryParse(ms, CultureInfo.InvariantCulture, out var value) ? Instant.FromUnixTimeMilliseconds(value) : null;

    public async Task<PinAttempt> ReservePinAttemptAsync(string keyHash, Instant now, PinGuard guard)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(ReserveScript, [_keys.KioskGuard(keyHash)],
            [now.ToUnixTimeMilliseconds(), guard.MaxFailures, (long)guard.Window.TotalMilliseconds, (long)PinGuard.BusyRetry.TotalMilliseconds,
                guard.MaxFailuresPerHour, (long)PinGuard.Hour.TotalMilliseconds]))!;
        var retryAt = Instant.FromUnixTimeMilliseconds((long)result[1]);
        return (long)result[0] switch
        {
            1 => PinAttempt.Granted,
            2 => PinAttempt.BusyUntil(retryAt),
            _ => PinAttempt.LockedUntil(retryAt),
        };
    }

    public async Task<Instant?> FailPinAttemptAsync(string keyHash, Instant now, PinGuard guard)
    {
        var until = (long)await Db.ScriptEvaluateAsync(FailScript, [_keys.KioskGuard(keyHash)],
            [now.ToUnixTimeMilliseconds(), guard.MaxFailures, (long)guard.Lockout.TotalMilliseconds, (long)PinGuard.ForgivenAfter.TotalMilliseconds,
                guard.MaxFailuresPerHour, (long)PinGuard.Hour.TotalMilliseconds]);
        return until == 0 ? null : Instant.FromUnixTimeMilliseconds(until);
    }

    public Task RefundPinAttemptAsync(string keyHash) => Db.ScriptEvaluateAsync(RefundScript, [_keys.KioskGuard(keyHash)]);

    public async Task<Instant?> PinLockedUntilAsync(string keyHash, Instant now) =>
        (long?)await Db.HashGetAsync(_keys.KioskGuard(keyHash), "until") is { } until && until > now.ToUnixTimeMilliseconds()
            ? Instant.FromUnixTimeMilliseconds(until) : null;

    public async Task<Instant?> UnlockPinGuardAsync(string keyHash, Instant now)
    {
        var until = (long)await Db.ScriptEvaluateAsync(UnlockScript, [_keys.KioskGuard(keyHash)], [now.ToUnixTimeMilliseconds()]);
        return until == 0 ? null : Instant.FromUnixTimeMilliseconds(until);
    }

    public async Task<QueueFigures> FiguresAsync(LocalDate date)
    {
        var fields = (await Db.HashGetAllAsync(_keys.DayTicketNumbers(date))).ToDictionary(e => (string)e.Name!, e => (long)e.Value);
        long Field(string name) => fields.GetValueOrDefault(name);
        var walkIns = fields.Where(f => f.Key.StartsWith("A:", StringComparison.Ordinal)).ToDictionary(f => f.Key[2..], f => (int)f.Value);
        return new QueueFigures(walkIns, (int)Field("called:P"), Duration.FromMilliseconds(Field("waited:P")), (int)Field("called:A"), Duration.FromMilliseconds(Field("waited:A")));
    }

    public async Task<IReadOnlyList<Booking>> BookingsOfDayAsync(LocalDate date)
    {
        var batch = Db.CreateBatch();
        var bookings = batch.HashGetAllAsync(_keys.DayBookings(date));
        var statuses = batch.HashGetAllAsync(_keys.DayStatus(date));
        batch.Execute();
        var status = (await statuses).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
        return (await bookings).Select(e => StoredRecords.BookingFromJson(e.Value!, StoredRecords.ParseStatus(status.GetValueOrDefault(e.Name!)))).ToList();
    }

    /// <summary>From <c>code|agenda|start ms|issued ms</c>.</summary>
    private static Ticket ParseTicket(string number, string info)
    {
        var parts = info.Split('|');
        var start = parts.Length > 2 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ms) ? Instant.FromUnixTimeMilliseconds(ms) : (Instant?)null;
        return new Ticket(number, number.StartsWith('P'), parts.Length > 1 ? parts[1] : "", start, parts[0].Length == 0 ? null : parts[0]);
    }
}
