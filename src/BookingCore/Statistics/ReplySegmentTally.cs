using Microsoft.Extensions.Logging;
using NodaTime;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>The segments of the webhook's own replies (the TwiML answer: Twilio sends it and bills it like any other
/// SMS), added up in the gateway and written to the day's <see cref="Measure.SmsSegments"/> once a second: one request a
/// second per gateway however many messages arrive, not one more a message (<see cref="StatisticsTally"/>). A write the
/// connection refused is kept for the next round (so is one refused unrun: READONLY during a failover, LOADING); one
/// whose answer never came is dropped (it may have been counted: a retry could count it twice).</summary>
public sealed class ReplySegmentTally(IStatisticsStore store, DateTimeZone zone, IClock clock, ILogger<ReplySegmentTally> log) : StatisticsTally
{
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

    public override async Task FlushAsync()
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
            catch (Exception e) when (RefusedUnrun(e))
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
}
