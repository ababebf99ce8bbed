using Microsoft.Extensions.Logging;
using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>The counts of a booking's life (booked, moved, cancelled: <see cref="StatisticsCounter"/>), gathered in the
/// gateway and written once a second (<see cref="StatisticsTally"/>), one request per statistics day with everything
/// pending for it, instead of one request on each citizen's step. Each event keeps its id (<c>booked:</c> + the hold's
/// id, ...) and counts once however often it is added (a repeated confirmation, a retry): in memory the first addition
/// stands, and the store's script counts an id only the first time it sees it on that day
/// (<see cref="IStatisticsStore.AddEachOnceAsync"/>). Since a write counted before can be sent again without counting
/// twice, a write the connection refused or whose answer never came is kept for the next round; one Redis refused for
/// another reason is logged and lost. The price of the batch: a gateway that dies loses up to its last second's
/// counts (a graceful stop writes them).</summary>
public sealed class BookingEventTally(IStatisticsStore store, ILogger<BookingEventTally> log) : StatisticsTally
{
    /// <summary>The most events written in one request (a day's batch above it goes in several).</summary>
    public const int MaxEventsPerWrite = 500;

    private readonly Lock _gate = new();
    private Dictionary<LocalDate, Dictionary<string, IReadOnlyList<(Figure Figure, long By)>>> _pending = [];

    /// <summary>The event <paramref name="eventId"/> of <paramref name="date"/>, counting <paramref name="counts"/>, to
    /// be written with the next round; an id pending already keeps its first counts.</summary>
    public void Add(LocalDate date, string eventId, IReadOnlyList<(Figure Figure, long By)> counts)
    {
        lock (_gate)
        {
            Keep(date, eventId, counts);
        }
    }

    /// <summary>How many events wait for the next write.</summary>
    public int Pending
    {
        get
        {
            lock (_gate)
            {
                return _pending.Values.Sum(d => d.Count);
            }
        }
    }

    public override async Task FlushAsync()
    {
        Dictionary<LocalDate, Dictionary<string, IReadOnlyList<(Figure Figure, long By)>>> batch;
        lock (_gate)
        {
            if (_pending.Count == 0)
            {
                return;
            }
            (batch, _pending) = (_pending, []);
        }
        // Each day its own slot: the days' writes go out together.
        await Task.WhenAll(batch.SelectMany(day => day.Value.Select(e => (e.Key, e.Value)).Chunk(MaxEventsPerWrite)
            .Select(events => WriteAsync(day.Key, events))));
    }

    private async Task WriteAsync(LocalDate day, (string EventId, IReadOnlyList<(Figure Figure, long By)> Counts)[] events)
    {
        try
        {
            await store.AddEachOnceAsync(day, events);
        }
        catch (Exception e) when (RefusedUnrun(e) || e is RedisTimeoutException)
        {
            log.LogDebug(e, "Statistics: {Events} events of {Day} not written yet", events.Length, day); // the outage is logged where it is met
            lock (_gate)
            {
                foreach (var (id, counts) in events)
                {
                    Keep(day, id, counts);
                }
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Statistics: {Events} events of {Day} were not counted", events.Length, day);
        }
    }

    private void Keep(LocalDate date, string eventId, IReadOnlyList<(Figure Figure, long By)> counts)
    {
        if (!_pending.TryGetValue(date, out var day))
        {
            _pending[date] = day = [];
        }
        day.TryAdd(eventId, counts);
    }
}
