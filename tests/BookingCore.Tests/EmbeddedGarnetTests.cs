using System.Diagnostics;
using System.Net.Sockets;
using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Store.Embedded;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>The embedded default's server itself: its scripts are atomic across connections, it is quiet, and it is
/// gone when disposed.</summary>
[Collection(ConsoleCapture.Name)]
public class EmbeddedGarnetTests
{
    private static readonly LocalDate Day = new(2026, 12, 1);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 24, 9, 0);

    /// <summary>Garnet runs each connection's commands on its own thread; only <c>--lua-transaction-mode</c> makes it
    /// lock a script's keys. A gateway talks over one connection, but the contract is that of Redis: a script is atomic
    /// whoever else talks to the server.</summary>
    [Fact]
    public async Task Holds_ThirtyConnectionsRaceForOnePlace_OneWinsEachRound()
    {
        var keys = new RedisKeys(TestRedis.NewPrefix());
        var connections = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => ConnectionMultiplexer.ConnectAsync(TestGarnet.Configuration)));
        try
        {
            var stores = connections.Select(c => new RedisBookingStore(c, keys, Duration.FromDays(30))).ToList();
            // Rounds, each for another place (a quarter-hour of its own): without the locks, one round in a few
            // gave two winners here; two hundred failed every run.
            for (int round = 0; round < 200; round++)
            {
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var attempts = stores.Select((store, i) => Task.Run(async () =>
                {
                    await start.Task;
                    var hold = new Hold($"r{round}p{i}", $"+4206000{round:00}{i:000}", "OP", "zadost", Day,
                        new LocalTime(0, 0).PlusMinutes(5 * round), Now + Duration.FromMinutes(15));
                    return await store.TryPlaceHoldAsync(hold, 1, Now);
                })).ToList();
                start.SetResult();
                var won = await Task.WhenAll(attempts);
                Assert.Equal(1, won.Count(w => w));
            }
        }
        finally
        {
            foreach (var c in connections)
            {
                await c.DisposeAsync();
            }
        }
    }

    /// <summary>Garnet has no disk behind the embedded log: what falls off its memory is gone. Compaction copies the
    /// live records forward first. Here a 2 MB log is written over three times; each megabyte waits for the
    /// compaction to catch up (the production log gives it 190 MB between two runs, docs/redis.md).</summary>
    [Fact]
    public async Task Log_WrittenThreeTimesOverItsMemory_KeepsABookingMadeFirst()
    {
        using var garnet = EmbeddedGarnet.Start(null, memoryMegabytes: 2, compactionSeconds: 1);
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"{garnet.Configuration},allowAdmin=true");
        var store = new RedisBookingStore(redis, new RedisKeys("t:"), Duration.FromDays(30));
        const string phone = "+420601123456";
        var hold = new Hold("h1", phone, "OP", "zadost", Day, new LocalTime(8, 0), Now + Duration.FromMinutes(15));
        Assert.True(await store.TryPlaceHoldAsync(hold, 1, Now));
        var draft = new Bookings.Booking("ABCDEF", "123456", phone, "Jana", "OP", "zadost", Day, new LocalTime(8, 0),
            Instant.FromUtc(2026, 12, 1, 7, 0), Now, hold.Id);
        Assert.Equal(Bookings.ConfirmOutcome.Confirmed, (await store.ConfirmAsync(hold, draft, Now))!.Outcome);

        var db = redis.GetDatabase();
        var server = redis.GetServer(redis.GetEndPoints().Single());
        var value = new string('x', 1000);
        for (int step = 0; step < 6; step++)
        {
            // A megabyte of conversations that end: records written, then dead.
            await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => db.StringSetAsync($"churn:{step}:{i}", value)));
            await Task.WhenAll(Enumerable.Range(0, 1000).Select(i => db.KeyDeleteAsync($"churn:{step}:{i}")));
            var until = DateTime.UtcNow.AddSeconds(15);
            while (await LogBytesAsync(server) > 700_000)
            {
                Assert.True(DateTime.UtcNow < until, "the log was not compacted within 15 s");
                await Task.Delay(50);
            }
        }

        Assert.Equal("Jana", (await store.GetBookingAsync(Day, "ABCDEF"))?.Name);
        Assert.Single(await store.GetBookingsAsync(phone, Instant.MinValue));
    }

    /// <summary>The log's length in memory, from its beginning to its end (INFO store).</summary>
    private static async Task<long> LogBytesAsync(IServer server)
    {
        var info = (await server.InfoRawAsync("store"))!.Split('\n').Select(l => l.Trim()).ToList();
        long Field(string name) => long.Parse(info.Single(l => l.StartsWith(name + ":", StringComparison.Ordinal))[(name.Length + 1)..],
            System.Globalization.CultureInfo.InvariantCulture);
        return Field("Log.TailAddress") - Field("Log.BeginAddress");
    }

    [Fact]
    public async Task SixStartedAtOnce_AllStartAndAnswer()
    {
        // Tests and gateways start embedded stores in parallel; making them once raced on the process's trace
        // listeners ("Collection was modified" inside the start).
        var started = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(() => EmbeddedGarnet.Start())));
        try
        {
            foreach (var garnet in started)
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Configuration);
                Assert.True((await redis.GetDatabase().PingAsync()) >= TimeSpan.Zero);
            }
        }
        finally
        {
            foreach (var garnet in started)
            {
                garnet.Dispose();
            }
        }
    }

    [Fact]
    public async Task StartAndStop_WriteNothingToTheConsoleNorTrace()
    {
        var listeners = Trace.Listeners.Count;
        var (stdout, stderr) = (Console.Out, Console.Error);
        using var captured = new StringWriter();
        Console.SetOut(captured);
        Console.SetError(captured);
        try
        {
            using (var garnet = EmbeddedGarnet.Start())
            {
                await using var redis = await ConnectionMultiplexer.ConnectAsync(garnet.Configuration);
                await redis.GetDatabase().StringSetAsync("k", "v");
            }
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
        Assert.Equal("", captured.ToString());
        Assert.Equal(listeners, Trace.Listeners.Count);
    }

    /// <summary>The embedded store holds bookings and PINs; another process of the machine reaches its loopback port
    /// but not its data.</summary>
    [Fact]
    public async Task Command_WithoutThePassword_IsRefused()
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", int.Parse(TestGarnet.Configuration.Split(',')[0].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        var stream = client.GetStream();
        await stream.WriteAsync("*2\r\n$4\r\nKEYS\r\n$1\r\n*\r\n"u8.ToArray());
        var reply = await new StreamReader(stream).ReadLineAsync();
        Assert.StartsWith("-NOAUTH", reply);
    }

    [Fact]
    public async Task Dispose_StopsTheServer()
    {
        var garnet = EmbeddedGarnet.Start();
        using (var client = new TcpClient())
        {
            await client.ConnectAsync("127.0.0.1", garnet.Port);
        }
        garnet.Dispose();
        using var after = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => after.ConnectAsync("127.0.0.1", garnet.Port));
    }
}

/// <summary>A test that captures the process's console runs alone: any other test writing to it meanwhile would show up
/// in what it captured (a store contract's Console.WriteLine once did).</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCapture
{
    public const string Name = "Console capture";
}
