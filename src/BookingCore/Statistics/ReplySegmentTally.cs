using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>The segments of the webhook's own replies (the TwiML answer: Twilio sends it and bills it like any other
/// SMS), added up in the gateway and written to the day's <see cref="Measure.SmsSegments"/> once a second: one request a
/// second per gateway however many messages arrive, not one more a message. The statistics page writes what is pending
/// before it reads; a gateway that dies loses at most its last second's count. A write the connection refused is kept
/// for the next round (so is one refused unrun: READONLY during a failover, LOADING); one whose answer never came is
/// dropped (it may have been counted: a retry could count it twice).</summary>
public sealed class ReplySegmentTally(IStatisticsStore store, DateTimeZone zone, IClock clock, ILogger<ReplySegmentTally> log) : BackgroundService
{
    /// <summary>How often the tally is written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private Dictionary<LocalDate, long> _pending = [];

    /// <summary>A reply of <paramref name="segments"/> segments was given today.</summary>
    public void Add(int segments)
    {
        var day = clock.GetCurrentInstant().InZone(zone).Date;
        lock (_gate)
        {
            _pending[day] = _pending.GetValueOrDefault(day) + Math.Max(1, segments);
        }
    }

    /// <summary>Writes what was added since the last write.</summary>
    public async Task FlushAsync()
    {
        Dictionary<LocalDate, long> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            (batch, _pending) = (_pending, []);
        }
        foreach (var (day, segments) in batch)
        {
            try
            {
                await store.AddAsync(day, new Figure(Measure.SmsSegments), segments);
            }
            catch (Exception e) when (e is RedisConnectionException || (e is RedisServerException && NotRun(e.Message)))
            {
                log.LogDebug(e, "Statistics: {Segments} reply segments of {Day} not written yet", segments, day); // the outage is logged where it is met
                lock (_gate)
                {
                    _pending[day] = _pending.GetValueOrDefault(day) + segments;
                }
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Statistics: {Segments} reply segments of {Day} were not counted", segments, day);
            }
        }
    }

    /// <summary>Refusals that ran nothing (a replica being promoted, a server loading, a cluster without a quorum).</summary>
    private static bool NotRun(string message) =>
        message.StartsWith("READONLY", StringComparison.Ordinal) || message.StartsWith("LOADING", StringComparison.Ordinal)
        || message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal) || message.StartsWith("TRYAGAIN", StringComparison.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(); // what the last second added
    }
}
