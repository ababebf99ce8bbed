using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary><see cref="ITurnNoticeStore"/> on Redis: one script on the office day's hash tag reads the front of the
/// queue as the call scripts leave it, so two gateways calling at once each see a real state of the queue.</summary>
public sealed class RedisTurnNoticeStore : ITurnNoticeStore
{
    // KEYS priority queue, walk-in queue, tickets, bookings, status, told; ARGV count.
    // {ticket, tickets before it, booking json, status, ...} for each booked, untold ticket among the first count.
    private const string NearFrontScript = """
        local n = tonumber(ARGV[1])
        local front = redis.call('LRANGE', KEYS[1], 0, n - 1)
        if #front < n then
          for _, t in ipairs(redis.call('LRANGE', KEYS[2], 0, n - 1 - #front)) do front[#front + 1] = t end
        end
        local out = {}
        for i, t in ipairs(front) do
          if redis.call('HEXISTS', KEYS[6], t) == 0 then
            local code = string.match(redis.call('HGET', KEYS[3], t) or '', '^([^|]*)|')
            local b = code and code ~= '' and redis.call('HGET', KEYS[4], code)
            if b then
              out[#out + 1] = t
              out[#out + 1] = i - 1
              out[#out + 1] = b
              out[#out + 1] = redis.call('HGET', KEYS[5], code) or ''
            end
          end
        end
        return out
        """;

    // KEYS told; ARGV ticket. Lives as long as the day's queue (3 days).
    private const string MarkScript = """
        redis.call('HSET', KEYS[1], ARGV[1], '1')
        redis.call('PEXPIRE', KEYS[1], 259200000)
        return 1
        """;

    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;

    public RedisTurnNoticeStore(IConnectionMultiplexer redis, RedisKeys keys)
    {
        _redis = redis;
        _keys = keys;
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<IReadOnlyList<NearFront>> NearFrontAsync(LocalDate date, int count)
    {
        if (count <= 0)
        {
            return [];
        }
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(NearFrontScript,
            [_keys.DayPriorityQueue(date), _keys.DayWalkInQueue(date), _keys.DayTickets(date), _keys.DayBookings(date), _keys.DayStatus(date),
                _keys.DayTurnSoonTold(date)],
            [count]))!;
        var near = new List<NearFront>(result.Length / 4);
        for (int i = 0; i + 3 < result.Length; i += 4)
        {
            var booking = StoredRecords.BookingFromJson((string)result[i + 2]!, StoredRecords.ParseStatus((string?)result[i + 3]));
            var number = (string)result[i]!;
            near.Add(new NearFront(new Ticket(number, number.StartsWith('P'), booking.AgendaId, booking.Start, booking.Code), (int)result[i + 1], booking));
        }
        return near;
    }

    public Task MarkToldAsync(LocalDate date, string ticket) => Db.ScriptEvaluateAsync(MarkScript, [_keys.DayTurnSoonTold(date)], [ticket]);
}
