using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>Counts added up in the gateway and written to the statistics once a second (<see cref="Interval"/>) and
/// once more at a graceful stop, instead of one request for each event: <see cref="ReplySegmentTally"/> (the replies'
/// segments) and <see cref="BookingEventTally"/> (bookings, moves, cancellations). The statistics page writes what is
/// pending before it reads. The price: a gateway that dies (not one stopped) loses at most its last second's counts,
/// which counting already allowed (a count Redis refuses is logged and lost, docs/staff.md, "Statistiky").</summary>
public abstract class StatisticsTally : BackgroundService
{
    /// <summary>How often a tally is written.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>Writes what was added since the last write.</summary>
    public abstract Task FlushAsync();

    /// <summary>A write that ran nothing and can be sent again: refused by the connection, or by a server that ran
    /// nothing (a replica being promoted: READONLY, a server loading: LOADING, a cluster without a quorum).</summary>
    protected static bool RefusedUnrun(Exception e) => e is RedisConnectionException
        || (e is RedisServerException && (e.Message.StartsWith("READONLY", StringComparison.Ordinal)
            || e.Message.StartsWith("LOADING", StringComparison.Ordinal) || e.Message.StartsWith("CLUSTERDOWN", StringComparison.Ordinal)
            || e.Message.StartsWith("TRYAGAIN", StringComparison.Ordinal)));

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
