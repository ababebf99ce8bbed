using NodaTime;
using NodaTime.Testing;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>What every <see cref="ISignInAttempts"/> must do: count a name's attempts within a window from its first,
/// each attempt once however many arrive together, start again after the window, forget on a sign-in; run against real
/// Redis, a Redis Cluster and the embedded Garnet.</summary>
public abstract class SignInAttemptsContract
{
    private static readonly Duration Window = Duration.FromMinutes(5);

    protected abstract ISignInAttempts Create(IClock clock);

    private static FakeClock Clock() => new(Instant.FromUtc(2026, 11, 30, 8, 0));

    [Fact]
    public async Task Reserve_CountsEachAttemptOfTheWindow_PerName()
    {
        var attempts = Create(Clock());
        Assert.Equal(1, await attempts.ReserveAsync("petra", Window));
        Assert.Equal(2, await attempts.ReserveAsync("petra", Window));
        Assert.Equal(1, await attempts.ReserveAsync("jan", Window));
        Assert.Equal(3, await attempts.ReserveAsync("petra", Window));
    }

    [Fact]
    public async Task Reserve_TwentyAtOnce_EachGetsACountOfItsOwn()
    {
        var attempts = Create(Clock());
        var counts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => attempts.ReserveAsync("petra", Window))));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), counts.Order());
    }

    [Fact]
    public async Task Reserve_AWindowAfterTheFirstAttempt_StartsAgainAtOne()
    {
        var clock = Clock();
        var attempts = Create(clock);
        await attempts.ReserveAsync("petra", Window);
        clock.Advance(Window - Duration.FromSeconds(1));
        Assert.Equal(2, await attempts.ReserveAsync("petra", Window)); // the window runs from the first attempt
        clock.Advance(Duration.FromSeconds(1));
        Assert.Equal(1, await attempts.ReserveAsync("petra", Window));
    }

    [Fact]
    public async Task Clear_ForgetsThatNamesAttemptsOnly()
    {
        var attempts = Create(Clock());
        await attempts.ReserveAsync("petra", Window);
        await attempts.ReserveAsync("petra", Window);
        await attempts.ReserveAsync("jan", Window);

        await attempts.ClearAsync("petra");

        Assert.Equal(1, await attempts.ReserveAsync("petra", Window));
        Assert.Equal(2, await attempts.ReserveAsync("jan", Window));
    }
}

public sealed class RedisSignInAttemptsTests : SignInAttemptsContract
{
    protected override ISignInAttempts Create(IClock clock) => On(TestRedis.Multiplexer, clock);

    internal static ISignInAttempts On(IConnectionMultiplexer redis, IClock clock) =>
        new RedisSignInAttempts(redis, new RedisKeys(TestRedis.NewPrefix()), clock);
}

public sealed class RedisClusterSignInAttemptsTests : SignInAttemptsContract
{
    protected override ISignInAttempts Create(IClock clock) => RedisSignInAttemptsTests.On(TestRedis.ClusterMultiplexer, clock);
}

/// <summary>The same contract on the embedded default, an in-process Garnet.</summary>
public sealed class GarnetSignInAttemptsTests : SignInAttemptsContract
{
    protected override ISignInAttempts Create(IClock clock) => RedisSignInAttemptsTests.On(TestGarnet.Multiplexer, clock);
}
