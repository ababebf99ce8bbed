using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>What proves the senders are done with the outbox, instead of sleeping "long enough" and counting: every
/// message acknowledged (the outbox empty: a sender claims only what is in it, and renews its claim before each
/// attempt, so nothing is left to go out again) and the hand-outs ended, as the senders' own log lines say.</summary>
internal static class OutboxWatch
{
    public static async Task<long> BacklogAsync(GatewayHost gateway) =>
        (await gateway.App.Services.GetRequiredService<IOutbox>().StatsAsync(SystemClock.Instance.GetCurrentInstant())).Backlog;

    /// <summary>Hand-outs that ended with Twilio's acceptance ("Outbound ... accepted as SM...").</summary>
    public static int AcceptedHandOuts(CapturedLogs logs) => logs.Lines.Count(l => l.Contains(" accepted as ", StringComparison.Ordinal));

    /// <summary>Waits until the outbox is empty and at least <paramref name="accepted"/> hand-outs ended accepted.</summary>
    public static Task UntilDrainedAsync(GatewayHost gateway, CapturedLogs logs, int accepted, TimeSpan within) =>
        Poll.UntilAsync(async () => AcceptedHandOuts(logs) >= accepted && await BacklogAsync(gateway) == 0, within,
            $"the outbox empties and {accepted} hand-outs end accepted");
}
