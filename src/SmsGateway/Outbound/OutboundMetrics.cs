using System.Diagnostics.Metrics;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Counters of the outbound path, on the product's meter.</summary>
public static class OutboundMetrics
{
    public const string MeterName = "SmsBooking";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("smsbooking.outbound.sent", description: "Outbound SMS accepted by Twilio");
    public static readonly Counter<long> Failed = Meter.CreateCounter<long>("smsbooking.outbound.failed", description: "Outbound SMS refused for good");

    private static long _backlog;
    private static long _oldestAgeSeconds;

    static OutboundMetrics()
    {
        Meter.CreateObservableGauge("smsbooking.outbox.backlog", () => Interlocked.Read(ref _backlog), description: "Messages in the outbox");
        Meter.CreateObservableGauge("smsbooking.outbox.oldest_age", () => Interlocked.Read(ref _oldestAgeSeconds), unit: "s", description: "Age of the oldest message in the outbox");
    }

    /// <summary>Keeps the last outbox reading for the gauges (taken by the readiness check and the sender).</summary>
    public static void Observe(BookingCore.Outbound.OutboxStats stats)
    {
        Interlocked.Exchange(ref _backlog, stats.Backlog);
        Interlocked.Exchange(ref _oldestAgeSeconds, (long)stats.OldestAge.TotalSeconds);
    }
}
