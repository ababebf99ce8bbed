using NodaTime;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>One screen's pairing, as the store keeps it: what its browser's device token stands for. The token itself is
/// never stored, only its id (its SHA-256), so a copy of the store opens no screen.</summary>
/// <param name="Id">The token's SHA-256 in hex: what the console lists and revokes.</param>
/// <param name="Role">The screen it was paired for (kiosk, counter or board).</param>
/// <param name="KeyHash">The paired key's identity (<see cref="KioskDevice.KeyHash"/>): a key changed or removed in
/// <c>Kiosk:Keys</c> no longer has it, and the pairing stops working.</param>
/// <param name="Counter">For a counter key without a <c>Name</c>: the counter typed at pairing.</param>
/// <param name="PairedFrom">The address the pairing came from, for the staff telling devices apart.</param>
/// <param name="LastSeen">When a request last came with the token (to within <see cref="ScreenDevices.SeenEvery"/>).</param>
public sealed record ScreenPairing(string Id, KioskRole Role, string KeyHash, string? Counter, Instant PairedAt, string? PairedFrom, Instant LastSeen)
{
    /// <summary>The first characters of the id, enough for the staff to tell pairings apart.</summary>
    public string ShortId => Id[..8];
}
