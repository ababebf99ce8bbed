using NodaTime;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The sign-in budgets and tallies in Redis, all under the <c>{staff-signin}</c> hash tag so that one script
/// reserves against the three budgets at once. Each budget is a GCRA bucket: one integer, the theoretical arrival time
/// (Unix ms, the gateway's clock, as holds use it), kept for the bucket's longest refill (burst × interval) after it
/// was last taken from.</summary>
/// <remarks>Not until the bucket is full again by the gateway's clock (<c>tat − now</c>): Redis expires the key on its
/// own clock, and whenever that runs ahead of the gateway's (a test's fake clock standing still, a gateway's clock
/// stepped back) the bucket was forgotten while it still had to refuse, and a burst passed twice. A bucket found past
/// its <c>tat</c> is full whatever its key's life, so the longer life changes no answer.</remarks>
public sealed class RedisSignInAttempts(IConnectionMultiplexer redis, RedisKeys keys) : ISignInAttempts
{
    /// <summary>How long an unwritten tally is kept; every sign-in attempt and every read of the audit log writes those due.</summary>
    private static readonly long TallyLifeMs = (long)Duration.FromDays(30).TotalMilliseconds;

    /// <summary>A minute's tally waits this long after the minute ends, for attempts still being checked.</summary>
    private static readonly Duration TallyGrace = Duration.FromSeconds(5);

    private static readonly LuaScript Reserve = LuaScript.Prepare("""
        local now = tonumber(@now)
        local function take(key, t, burst)
          local tat = tonumber(redis.call('HGET', key, 'tat') or '0')
          if tat < now then tat = now end
          tat = tat + t
          if tat - now > t * burst then return nil end
          return tat
        end
        local budgets = {{@pair, tonumber(@pairT), tonumber(@pairBurst)}, {@source, tonumber(@sourceT), tonumber(@sourceBurst)},
          {@console, tonumber(@consoleT), tonumber(@consoleBurst)}}
        local taken = {}
        local refusal = 0
        for i, b in ipairs(budgets) do
          local tat = take(b[1], b[2], b[3])
          if not tat then refusal = i break end
          taken[i] = tat
        end
        if refusal == 0 then
          for i, b in ipairs(budgets) do
            redis.call('HSET', b[1], 'tat', taken[i])
            redis.call('PEXPIRE', b[1], b[2] * b[3])
          end
        else
          redis.call('HINCRBY', @tally, @field, 1)
          redis.call('PEXPIRE', @tally, @life)
          redis.call('ZADD', @tallies, 'NX', @ready, @minute)
        end
        local due = #redis.call('ZRANGEBYSCORE', @tallies, '-inf', now, 'LIMIT', 0, 1)
        return {refusal, due}
        """);

    private static readonly LuaScript Fail = LuaScript.Prepare("""
        redis.call('HINCRBY', @tally, @field, 1)
        if @userField ~= '' then redis.call('HINCRBY', @tally, @userField, 1) end
        redis.call('PEXPIRE', @tally, @life)
        redis.call('ZADD', @tallies, 'NX', @ready, @minute)
        return 1
        """);

    private static readonly LuaScript GiveBack = LuaScript.Prepare("""
        redis.call('DEL', @pair)
        local tat = tonumber(redis.call('HGET', @source, 'tat') or '')
        if tat then redis.call('HSET', @source, 'tat', tat - tonumber(@sourceT)) end
        tat = tonumber(redis.call('HGET', @console, 'tat') or '')
        if tat then redis.call('HSET', @console, 'tat', tat - tonumber(@consoleT)) end
        return 1
        """);

    private static readonly LuaScript Claim = LuaScript.Prepare("""
        local due = redis.call('ZRANGEBYSCORE', @tallies, '-inf', @now, 'LIMIT', 0, tonumber(@max))
        for _, m in ipairs(due) do redis.call('ZADD', @tallies, 'XX', @until, m) end
        return due
        """);

    private static readonly LuaScript Complete = LuaScript.Prepare("""
        redis.call('DEL', @tally)
        redis.call('ZREM', @tallies, @minute)
        return 1
        """);

    public async Task<SignInReservation> ReserveAsync(string nameHash, string source, SignInLimits limits, Instant now)
    {
        var minute = MinuteOf(now);
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Reserve, new
        {
            now = now.ToUnixTimeMilliseconds(),
            pair = keys.StaffSignInPair(nameHash, source),
            pairT = Ms(limits.PairInterval),
            pairBurst = limits.PairBurst,
            source = keys.StaffSignInSource(source),
            sourceT = Ms(limits.SourceInterval),
            sourceBurst = limits.SourceBurst,
            console = keys.StaffSignInConsole(),
            consoleT = Ms(limits.ConsoleInterval),
            consoleBurst = limits.ConsoleBurst,
            tally = keys.StaffSignInTally(minute),
            field = "r|" + source,
            life = TallyLifeMs,
            tallies = keys.StaffSignInTallies(),
            ready = ReadyAt(minute),
            minute,
        }))!;
        return new SignInReservation((SignInRefusal)(int)result[0], (int)result[1] > 0);
    }

    public Task FailedAsync(string source, string? user, Instant now)
    {
        var minute = MinuteOf(now);
        return redis.GetDatabase().ScriptEvaluateAsync(Fail, new
        {
            tally = keys.StaffSignInTally(minute),
            field = "w|" + source,
            userField = user is null ? "" : $"u|{source}|{user}",
            life = TallyLifeMs,
            tallies = keys.StaffSignInTallies(),
            ready = ReadyAt(minute),
            minute,
        });
    }

    public Task SucceededAsync(string nameHash, string source, SignInLimits limits) =>
        redis.GetDatabase().ScriptEvaluateAsync(GiveBack, new
        {
            pair = keys.StaffSignInPair(nameHash, source),
            source = keys.StaffSignInSource(source),
            sourceT = Ms(limits.SourceInterval),
            console = keys.StaffSignInConsole(),
            consoleT = Ms(limits.ConsoleInterval),
        });

    public async Task<IReadOnlyList<SignInTally>> ClaimTalliesAsync(Instant now, Duration lease, int max)
    {
        var db = redis.GetDatabase();
        var due = (RedisValue[])(await db.ScriptEvaluateAsync(Claim, new
        {
            tallies = keys.StaffSignInTallies(),
            now = now.ToUnixTimeMilliseconds(),
            until = (now + lease).ToUnixTimeMilliseconds(),
            max,
        }))!;
        var tallies = new List<SignInTally>(due.Length);
        foreach (var member in due)
        {
            var minute = (long)member;
            var fields = await db.HashGetAllAsync(keys.StaffSignInTally(minute));
            tallies.Add(new SignInTally(Instant.FromUnixTimeMilliseconds(minute), Parse(fields)));
        }
        return tallies;
    }

    public Task CompleteTallyAsync(Instant minute) =>
        redis.GetDatabase().ScriptEvaluateAsync(Complete, new
        {
            tally = keys.StaffSignInTally(minute.ToUnixTimeMilliseconds()),
            tallies = keys.StaffSignInTallies(),
            minute = minute.ToUnixTimeMilliseconds(),
        });

    /// <summary>Fields <c>w|source</c>, <c>r|source</c> and <c>u|source|user</c> (a source never holds <c>|</c>; a user's
    /// name may, so it is the rest of the field).</summary>
    private static Dictionary<string, SourceTally> Parse(HashEntry[] fields)
    {
        var wrong = new Dictionary<string, long>(StringComparer.Ordinal);
        var refused = new Dictionary<string, long>(StringComparer.Ordinal);
        var byUser = new Dictionary<string, Dictionary<string, long>>(StringComparer.Ordinal);
        foreach (var f in fields)
        {
            var parts = ((string)f.Name!).Split('|', 3);
            var count = (long)f.Value;
            switch (parts[0])
            {
                case "w" when parts.Length == 2:
                    wrong[parts[1]] = count;
                    break;
                case "r" when parts.Length == 2:
                    refused[parts[1]] = count;
                    break;
                case "u" when parts.Length == 3:
                    (byUser.TryGetValue(parts[1], out var users) ? users : byUser[parts[1]] = new(StringComparer.Ordinal))[parts[2]] = count;
                    break;
            }
        }
        return wrong.Keys.Concat(refused.Keys).Distinct().ToDictionary(s => s, s => new SourceTally(
            wrong.GetValueOrDefault(s), refused.GetValueOrDefault(s),
            byUser.TryGetValue(s, out var users) ? users : new Dictionary<string, long>()), StringComparer.Ordinal);
    }

    private static long MinuteOf(Instant now) => now.ToUnixTimeMilliseconds() / 60_000 * 60_000;

    private static long ReadyAt(long minute) => minute + 60_000 + (long)TallyGrace.TotalMilliseconds;

    private static long Ms(Duration d) => (long)d.TotalMilliseconds;
}
