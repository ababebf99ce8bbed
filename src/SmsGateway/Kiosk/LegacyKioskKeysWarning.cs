using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>Says at every start that <c>Kiosk:ApiKeys</c> are still in use: such a key has no role, so a board's key
/// can check PINs in and call tickets. Nothing else changes; the office should move them to <c>Kiosk:Keys</c>.</summary>
internal sealed class LegacyKioskKeysWarning(IOptions<KioskOptions> options, ILogger<LegacyKioskKeysWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.ApiKeys.Count > 0)
        {
            logger.LogWarning("Kiosk:ApiKeys has {Count} key(s) without a role: each may check in, hand out tickets, call and read the board. " +
                "Give every device its own key with a role in Kiosk:Keys (Key, Role kiosk/counter/board, Name) and remove Kiosk:ApiKeys.",
                options.Value.ApiKeys.Count);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
