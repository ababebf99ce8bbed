using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Statistics;

/// <summary><see cref="IStatisticsStore"/> on Redis: a hash of counters per day, kept
/// <see cref="StatisticsOptions.RetentionDays"/> after the day's last count.</summary>
public sealed class RedisStatisticsStore : IStatisticsStore
{
    // KEYS counts; ARGV field, by, ttl ms.
    private const string AddScript = """
        redis.call('HINCRBY', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        return 1
        """;

    // KEYS once, counts; ARGV ttl ms, then per event: its id, its number of figures n, then n field, by pairs (a
    // variable tail: positional). Each event counts the first time its id is added to the day's set; returns how many
    // counted now.
    private const string OnceScript = """
        local counted = 0
        local i = 2
        while i <= #ARGV do
          local last = i + 1 + 2 * tonumber(ARGV[i + 1])
          if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then
            counted = counted + 1
            for j = i + 2, last, 2 do
              redis.call('HINCRBY', KEYS[2], ARGV[j], ARGV[j + 1])
            end
          end
          i = last + 1
        end
        if counted > 0 then
          redis.call('PEXPIRE', KEYS[1], ARGV[1])
          redis.call('PEXPIRE', KEYS[2], ARGV[1])
        end
        return counted
        """;

    // KEYS inforce, counts; ARGV subject, ttl ms, then field, by pairs. 1 when the subject was put in force now (its
    // counts added and remembered), 0 when it was in force already.
    private const string InForceScript = """
        if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end
        local counted = {}
        for i = 3, #ARGV, 2 do
          redis.call('HINCRBY', KEYS[2], ARGV[i], ARGV[i + 1])
          counted[#counted + 1] = ARGV[i] .. '\n' .. ARGV[i + 1] .. '\n'
        end
        redis.call('HSET', KEYS[1], ARGV[1], table.concat(counted))
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS inforce, counts; ARGV subject, ttl ms. 1 when what the subject counted was taken back now, 0 when it was
    // not in force.
    private const string WithdrawScript = """
        local counted = redis.call('HGET', KEYS[1], ARGV[1])
        if not counted then return 0 end
        for field, by in string.gmatch(counted, '([^\n]*)\n([^\n]*)\n') do
          redis.call('HINCRBY', KEYS[2], field, -tonumber(by))
        end
        redis.call('HDEL', KEYS[1], ARGV[1])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return 1
        """;

    // KEYS settled, counts; ARGV subject, field, ttl ms. 1 when the subject's outcome was counted or moved now.
    private const string SettleScript = """
        local was = redis.call('HGET', KEYS[1], ARGV[1])
        if was == ARGV[2] then return 0 end
        if was then redis.call('HINCRBY', KEYS[2], was, -1) end
        redis.call('HINCRBY', KEYS[2], ARGV[2], 1)
        redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
        redis.call('PEXPIRE', KEYS[1], ARGV[3])
        redis.call('PEXPIRE', KEYS[2], ARGV[3])
        return 1
        """;

    // KEYS issued, counts; ARGV ticket, ms|activity, field, ttl ms. Only the first issue counts (a repeated check-in
    // gives the same ticket); 1 when it was the first.
    private const string IssuedScript = """
        if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
        redis.call('PEXPIRE', KEYS[1], 259200000)
        redis.call('HINCRBY', KEYS[2], ARGV[3], 1)
        redis.call('PEXPIRE', KEYS[2], ARGV[4])
        return 1
        """;

    // KEYS issued, counts; ARGV ticket, now ms, field prefix (Wait|agenda|), max minutes, ttl ms. The wait in ms, or -1.
    private const string CalledScript = """
        local issued = redis.call('HGET', KEYS[1], ARGV[1])
        if not issued then return -1 end
        if issued == '' then return -1 end
        redis.call('HSET', KEYS[1], ARGV[1], '')
        local ms, activity = string.match(issued, '^(%d+)|(.*)$')
        local wait = tonumber(ARGV[2]) - tonumber(ms)
        if wait < 0 then wait = 0 end
        local minute = math.floor(wait / 60000)
        if minute > tonumber(ARGV[4]) then minute = tonumber(ARGV[4]) end
        redis.call('HINCRBY', KEYS[2], ARGV[3] .. activity .. '|' .. minute, 1)
        redis.call('PEXPIRE', KEYS[2], ARGV[5])
        return wait
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly StatisticsKeys _keys;
    private readonly long _ttlMs;

    public RedisStatisticsStore(IConnectionMultiplexer redis, StatisticsKeys keys, Duration retention)
    {
        _redis = redis;
        _keys = keys;
        _ttlMs = (long)retention.TotalMilliseconds;
    }

    private IDatabase Db => _redis.GetDatabase();

    public Task AddAsync(LocalDate date, Figure figure, long by = 1) =>
        Db.ScriptEvaluateAsync(AddScript, [_keys.Counts(date)], [figure.Field, by, _ttlMs]);

    public async Task<bool> AddOnceAsync(LocalDate date, string eventId, IReadOnlyList<(Figure Figure, long By)> counts) =>
        await AddEachOnceAsync(date, [(eventId, counts)]) == 1;

    public async Task<int> AddEachOnceAsync(LocalDate date, IReadOnlyList<(string EventId, IReadOnlyList<(Figure Figure, long By)> Counts)> events) =>
        events.Count == 0 ? 0 : (int)(long)await Db.ScriptEvaluateAsync(OnceScript, [_keys.Once(date), _keys.Counts(date)],
            [_ttlMs, .. events.SelectMany(e => (RedisValue[])[e.EventId, e.Counts.Count, .. Pairs(e.Counts)])]);

    public async Task<bool> InForceAsync(LocalDate date, string subject, IReadOnlyList<(Figure Figure, long By)> counts) =>
        (long)await Db.ScriptEvaluateAsync(InForceScript, [_keys.InForce(date), _keys.Counts(date)],
            [subject, _ttlMs, .. Pairs(counts)]) == 1;

    public async Task<bool> WithdrawAsync(LocalDate date, string subject) =>
        (long)await Db.ScriptEvaluateAsync(WithdrawScript, [_keys.InForce(date), _keys.Counts(date)], [subject, _ttlMs]) == 1;

    public async Task<bool> SettleAsync(LocalDate date, string subject, Figure outcome) =>
        (long)await Db.ScriptEvaluateAsync(SettleScript, [_keys.Settled(date), _keys.Counts(date)], [subject, outcome.Field, _ttlMs]) == 1;

    public async Task<bool> TicketIssuedAsync(LocalDate date, string ticket, string activity, Instant at, Figure counted) =>
        (long)await Db.ScriptEvaluateAsync(IssuedScript, [_keys.Issued(date), _keys.Counts(date)],
            [ticket, $"{at.ToUnixTimeMilliseconds()}|{activity}", counted.Field, _ttlMs]) == 1;

    public async Task<Duration?> TicketCalledAsync(LocalDate date, string ticket, string agenda, Instant at)
    {
        var prefix = $"{Measure.Wait}|{agenda}|";
        var wait = (long)await Db.ScriptEvaluateAsync(CalledScript, [_keys.Issued(date), _keys.Counts(date)],
            [ticket, at.ToUnixTimeMilliseconds(), prefix, Figure.MaxWaitMinutes, _ttlMs]);
        return wait < 0 ? null : Duration.FromMilliseconds(wait);
    }

    private static IEnumerable<RedisValue> Pairs(IReadOnlyList<(Figure Figure, long By)> counts) =>
        counts.SelectMany(c => new RedisValue[] { c.Figure.Field, c.By });

    public async Task<IReadOnlyList<StatisticsDay>> ReadAsync(LocalDate from, LocalDate to)
    {
        var days = new List<LocalDate>();
        for (var d = from; d <= to; d = d.PlusDays(1))
        {
            days.Add(d);
        }
        // One read per day (each its own slot), sent together.
        var reads = days.Select(d => Db.HashGetAllAsync(_keys.Counts(d))).ToList();
        await Task.WhenAll(reads);
        return days.Select((d, i) => new StatisticsDay(d, reads[i].Result
                .Select(e => (Figure: Figure.Parse(e.Name!), Count: (long)e.Value))
                .Where(e => e.Figure is not null)
                .ToDictionary(e => e.Figure!, e => e.Count)))
            .ToList();
    }
}
