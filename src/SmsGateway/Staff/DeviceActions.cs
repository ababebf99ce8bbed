using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Screens;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>What the staff do to the office's devices, from the console or the API: see which kiosks are locked out after
/// wrong PINs and unlock one, see the paired screens and revoke one. Each action is written to the audit log.</summary>
public sealed class DeviceActions(KioskKeyring keyring, RedisScreenPairings pairings, QueueService queue, IAuditLog audit, IClock clock,
    ILogger<DeviceActions> log)
{
    /// <summary>A kiosk key and until when it is locked out (null: it takes PINs).</summary>
    /// <param name="Id">The key's identity (<see cref="KioskDevice.KeyHash"/>), never the key.</param>
    public sealed record KioskState(string Id, KioskDevice Device, Instant? LockedUntil);

    /// <summary>A paired screen and the configured device its key belongs to (null: the key is no longer configured, so the
    /// screen no longer works; revoking it tidies the list).</summary>
    public sealed record ScreenState(ScreenPairing Pairing, KioskDevice? Device);

    /// <summary>An unlock's outcome: the kiosk, and until when it was locked (null: it was not).</summary>
    public sealed record Unlocked(KioskDevice Device, Instant? WasLockedUntil);

    /// <summary>Every key that may check PINs in (the kiosk role, and legacy keys), with its lockout.</summary>
    public async Task<IReadOnlyList<KioskState>> KiosksAsync()
    {
        var kiosks = keyring.Devices.Where(d => (d.Roles & KioskRole.Kiosk) != 0).ToList();
        var locks = await Task.WhenAll(kiosks.Select(d => queue.PinLockedUntilAsync(d.KeyHash)));
        return kiosks.Select((d, i) => new KioskState(d.KeyHash, d, locks[i])).ToList();
    }

    /// <summary>Every paired screen, most recently seen first.</summary>
    public async Task<IReadOnlyList<ScreenState>> ScreensAsync() =>
        (await pairings.ListAsync()).Select(p => new ScreenState(p, keyring.FindByKeyHash(p.KeyHash))).ToList();

    /// <summary>Lifts a kiosk's lockout and forgets its wrong PINs; null when <paramref name="id"/> names no kiosk key.</summary>
    public async Task<Unlocked?> UnlockKioskAsync(string? id, string who)
    {
        if (keyring.FindByKeyHash(id ?? "") is not { } device || (device.Roles & KioskRole.Kiosk) == 0)
        {
            return null;
        }
        var wasLocked = await queue.UnlockKioskAsync(device.KeyHash);
        await audit.WriteAsync(new AuditEntry(clock.GetCurrentInstant(), who, "kiosk-unlock",
            $"{device.Label} ({device.Setting}), {(wasLocked is { } until ? $"locked until {until}" : "not locked")}"));
        log.LogInformation("Kiosk {Device} unlocked by {Who} (it was {State})", device.Label, who, wasLocked is null ? "not locked" : "locked out");
        return new Unlocked(device, wasLocked);
    }

    /// <summary>Ends a screen's pairing: it shows its pairing form at its next request (a board's live feed ends within
    /// 15 s). False when there is no such pairing.</summary>
    public async Task<bool> RevokeScreenAsync(string? id, string who)
    {
        var pairing = string.IsNullOrWhiteSpace(id) ? null : await pairings.FindAsync(id.Trim());
        if (pairing is null || !await pairings.RevokeAsync(pairing.Id))
        {
            return false;
        }
        var device = keyring.FindByKeyHash(pairing.KeyHash);
        await audit.WriteAsync(new AuditEntry(clock.GetCurrentInstant(), who, "screen-revoke",
            $"{KioskRoles.Describe(pairing.Role)} {pairing.ShortId}, key {device?.Label ?? "no longer configured"}, paired from {pairing.PairedFrom ?? "?"}"));
        log.LogInformation("Screen pairing {Pairing} revoked by {Who}", pairing.ShortId, who);
        return true;
    }
}
