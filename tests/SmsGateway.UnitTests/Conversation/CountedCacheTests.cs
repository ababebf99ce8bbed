using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>The warm leases' cache counts its own entries (the bound is read on every close, and a concurrent
/// dictionary's count takes all its locks): the count must stay exact whatever races it.</summary>
public class CountedCacheTests
{
    [Fact]
    public void TheCount_FollowsAddsReplacesTakesAndSweeps()
    {
        var cache = new CountedCache<int>();
        cache.Set("a", 1);
        cache.Set("a", 2); // replaced: still one
        cache.Set("b", 3);
        Assert.Equal(2, cache.Count);
        Assert.True(cache.TryTake("a", out var a));
        Assert.Equal(2, a);
        Assert.False(cache.TryTake("a", out _));
        cache.Forget("nobody");
        Assert.Equal(1, cache.Count);
        cache.Set("c", 10);
        cache.Sweep(v => v < 5);
        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryTake("c", out _));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public async Task TheCount_StaysExact_UnderRacingSetsTakesSweepsAndClears()
    {
        var cache = new CountedCache<int>();
        var keys = Enumerable.Range(0, 8).Select(i => $"+42060100{i:D4}").ToArray();
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            var random = new Random(w);
            for (int i = 0; i < 100_000; i++)
            {
                var key = keys[random.Next(keys.Length)];
                switch (random.Next(100))
                {
                    case < 50:
                        cache.Set(key, i);
                        break;
                    case < 75:
                        cache.TryTake(key, out _);
                        break;
                    case < 90:
                        cache.Forget(key);
                        break;
                    case < 99:
                        cache.Sweep(v => v % 3 == 0);
                        break;
                    default:
                        cache.Clear();
                        break;
                }
            }
        }));
        await Task.WhenAll(writers);

        var left = cache.Count;
        Assert.InRange(left, 0, keys.Length);
        Assert.Equal(left, keys.Count(k => cache.TryTake(k, out _))); // each counted entry is there, and no more
        Assert.Equal(0, cache.Count);
    }
}
