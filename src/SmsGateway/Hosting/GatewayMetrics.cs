using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>The product's counters on one meter, exported for Prometheus at <c>/metrics</c>.</summary>
public static class GatewayMetrics
{
    public const string MeterName = "SmsBooking";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> Steps = Meter.CreateCounter<long>("smsbooking.conversation.steps", description: "Inbound SMS handled, by the state they led to");
    public static readonly Counter<long> Replies = Meter.CreateCounter<long>("smsbooking.replies", description: "TwiML replies, by SMS segments");
    public static readonly Counter<long> HoldsPlaced = Meter.CreateCounter<long>("smsbooking.holds.placed", description: "Slots held for a citizen");
    public static readonly Counter<long> HoldsLapsed = Meter.CreateCounter<long>("smsbooking.holds.lapsed", description: "Holds that lapsed unconfirmed");
    public static readonly Counter<long> BookingsConfirmed = Meter.CreateCounter<long>("smsbooking.bookings.confirmed", description: "Bookings made");
    public static readonly Counter<long> WarmStepsLost = Meter.CreateCounter<long>("smsbooking.conversation.warm_lost",
        description: "Steps begun on a warm lease that another message or the office had taken meanwhile, answered afresh");
    public static readonly Counter<long> BusyRefusals = Meter.CreateCounter<long>("smsbooking.inbound.busy", description: "New conversations refused past Abuse:MaxMessagesPerMinuteTotal");
    public static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("smsbooking.checkins", description: "PINs accepted at the kiosk");
    public static readonly Counter<long> OutboundSent = Meter.CreateCounter<long>("smsbooking.outbound.sent", description: "Outbound SMS accepted by Twilio");
    public static readonly Counter<long> ReplicaAcksMissed = Meter.CreateCounter<long>("smsbooking.replica_acks.missed", description: "Steps not told to the citizen because Redis replicas did not acknowledge them in time, by step");
    public static readonly Counter<long> OutboundFailed = Meter.CreateCounter<long>("smsbooking.outbound.failed", description: "Outbound SMS refused for good");
    public static readonly Counter<long> OutboundRefused = Meter.CreateCounter<long>("smsbooking.outbound.refused",
        description: "Send attempts Twilio refused for our credentials, account or sender (the message stays in the outbox), by HTTP status and error code");

    public static readonly Counter<long> MailSent = Meter.CreateCounter<long>("smsbooking.mail.sent", description: "E-mails the SMTP relay accepted, by kind");
    public static readonly Counter<long> MailFailed = Meter.CreateCounter<long>("smsbooking.mail.failed", description: "E-mails refused for good (5xx) or given up, by kind");
    public static readonly Counter<long> MailDeferred = Meter.CreateCounter<long>("smsbooking.mail.deferred",
        description: "Send attempts the SMTP relay refused for now or did not answer (the e-mail stays in the outbox)");

    private static long _backlog;
    private static long _oldestAgeSeconds;

    static GatewayMetrics()
    {
        Meter.CreateObservableGauge("smsbooking.outbox.backlog", () => Interlocked.Read(ref _backlog), description: "Messages in the outbox");
        Meter.CreateObservableGauge("smsbooking.outbox.oldest_age", () => Interlocked.Read(ref _oldestAgeSeconds), unit: "s", description: "Age of the oldest message in the outbox");
    }

    /// <summary>Keeps the last outbox reading for the gauges (taken by the readiness check).</summary>
    public static void Observe(OutboxStats stats)
    {
        Interlocked.Exchange(ref _backlog, stats.Backlog);
        Interlocked.Exchange(ref _oldestAgeSeconds, (long)stats.OldestAge.TotalSeconds);
    }

    public static WebApplicationBuilder AddGatewayMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter(MeterName).AddPrometheusExporter());
        return builder;
    }

    public static WebApplication MapGatewayMetrics(this WebApplication app)
    {
        app.MapPrometheusScrapingEndpoint("/metrics");
        return app;
    }
}
