using StackExchange.Redis;

namespace SmsBooking.TestSupport;

/// <summary>A test's keys, by the prefix they share on a single server (the test Redis or the embedded Garnet).</summary>
public static class KeyPrefix
{
    /// <summary>Deletes every key under <paramref name="prefix"/>.</summary>
    public static async Task DeleteAsync(IConnectionMultiplexer redis, string prefix)
    {
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var keys = new List<RedisKey>();
        await foreach (var key in server.KeysAsync(pattern: prefix + "*", pageSize: 1000))
        {
            keys.Add(key);
        }
        foreach (var chunk in keys.Chunk(500))
        {
            await redis.GetDatabase().KeyDeleteAsync(chunk);
        }
    }
}
