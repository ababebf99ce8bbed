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
    // KEYS status, pintickets, ticketno, tickets, priority queue; ARGV pin, code, agenda, start ms, now ms.
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
        for i = 2, 5 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return {'new', t}
        """;

    // KEYS ticketno, tickets, walk-in queue; ARGV agenda, now ms. The ticket.
    private const string WalkInScript = """
        local n = redis.call('HINCRBY', KEYS[1], 'A', 1)
        local t = string.format('A%03d', n)
        redis.call('HSET', KEYS[2], t, '|' .. ARGV[1] .. '||' .. ARGV[2])
        redis.call('RPUSH', KEYS[3], t)
        for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], 259200000) end
        return t
        """;

    // KEYS priority queue, walk-in queue, tickets, status, serving, calls; ARGV counter, now ms.
    // {ticket, info} or {} when nobody waits. The counter's previous ticket is done.
    private const string NextScript = """
        local prev = redis.call('HGET', KEYS[5], ARGV[1])
        if prev then
          prev = string.match(prev, '^([^|]*)')
          local code = string.match(redis.call('HGET', KEYS[3], prev) or '', '^([^|]*)|')
          if code and code ~= '' and redis.call('HGET', KEYS[4], code) == 'Called' then redis.call('HSET', KEYS[4], code, 'Done') end
          redis.call('HDEL', KEYS[5], ARGV[1])
        end
        local t = redis.call('LPOP', KEYS[1])
        if not t then t = redis.call('LPOP', KEYS[2]) end
        if not t then return {} end
        local info = redis.call('HGET', KEYS[3], t)
        local code = string.match(info, '^([^|]*)|')
        if code ~= '' then redis.call('HSET', KEYS[4], code, 'Called') end
        redis.call('HSET', KEYS[5], ARGV[1], t .. '|' .. ARGV[2])
        redis.call('LPUSH', KEYS[6], t .. '|' .. ARGV[1] .. '|' .. ARGV[2])
        redis.call('LTRIM', KEYS[6], 0, 49)
        redis.call('PEXPIRE', KEYS[5], 259200000)
        redis.call('PEXPIRE', KEYS[6], 259200000)
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
            [_keys.DayStatus(date), _keys.DayPinTickets(date), _keys.DayTicketNumbers(date), _keys.DayTickets(date), _keys.DayPriorityQueue(date)],
            [pin, bookingCode, agendaId, start.ToUnixTimeMilliseconds(), now.ToUnixTimeMilliseconds()]))!;
        return (string)result[0]! == "invalid" ? null : new Ticket((string)result[1]!, true, agendaId, start, bookingCode);
    }

    public async Task<Ticket> WalkInAsync(LocalDate date, string agendaId, Instant now)
    {
        var number = (string)(await Db.ScriptEvaluateAsync(WalkInScript,
            [_keys.DayTicketNumbers(date), _keys.DayTickets(date), _keys.DayWalkInQueue(date)], [agendaId, now.ToUnixTimeMilliseconds()]))!;
        return new Ticket(number, false, agendaId, null, null);
    }

    public async Task<Call?> NextAsync(LocalDate date, string counter, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(NextScript,
            [_keys.DayPriorityQueue(date), _keys.DayWalkInQueue(date), _keys.DayTickets(date), _keys.DayStatus(date), _keys.DayServing(date), _keys.DayCalls(date)],
            [counter, now.ToUnixTimeMilliseconds()]))!;
        return result.Length == 0 ? null : new Call(ParseTicket((string)result[0]!, (string)result[1]!), counter, now);
    }

    public async Task<(IReadOnlyList<Call> Serving, IReadOnlyList<Call> Recent, int Waiting)> BoardAsync(LocalDate date)
    {
        var batch = Db.CreateBatch();
        var serving = batch.HashGetAllAsync(_keys.DayServing(date));
        var calls = batch.ListRangeAsync(_keys.DayCalls(date), 0, 19);
        var tickets = batch.HashGetAllAsync(_keys.DayTickets(date));
        var waitingP = batch.ListLengthAsync(_keys.DayPriorityQueue(date));
        var waitingA = batch.ListLengthAsync(_keys.DayWalkInQueue(date));
        batch.Execute();
        var info = (await tickets).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        Call ToCall(string ticket, string counter, string ms) =>
            new(ParseTicket(ticket, info.GetValueOrDefault(ticket, "||")), counter, Instant.FromUnixTimeMilliseconds(long.Parse(ms, CultureInfo.InvariantCulture)));
        var now = (await serving).Select(e =>
        {
            var parts = ((string)e.Value!).Split('|');
            return ToCall(parts[0], e.Name!, parts[1]);
        }).OrderByDescending(c => c.At).ToList();
        var recent = (await calls).Select(v =>
        {
            var parts = ((string)v!).Split('|');
            return ToCall(parts[0], parts[1], parts[2]);
        }).ToList();
        return (now, recent, (int)(await waitingP + await waitingA));
    }

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
