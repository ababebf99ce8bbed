namespace SmsBooking.SmsGateway.Screens;

/// <summary>The office's screens, under <c>Screens</c>: how often a source may try to pair, and how many live board
/// feeds a gateway keeps open.</summary>
public sealed class ScreenOptions
{
    public const string SectionName = "Screens";

    /// <summary>Failed pairings one source address may have within <see cref="PairingWindow"/>; past them every pairing
    /// from it gets 429 until the window has passed. A staff member mistyping a key a few times stays well under it.</summary>
    public int PairingAttempts { get; set; } = 10;

    public TimeSpan PairingWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Live feeds (<c>/board/events</c>) one board key may hold open on one gateway: the TVs of a waiting room
    /// that share the key, with room for a reload that overlaps the old connection.</summary>
    public int MaxBoardStreamsPerKey { get; set; } = 10;

    /// <summary>Live feeds one gateway holds open for all boards together.</summary>
    public int MaxBoardStreams { get; set; } = 100;

    /// <summary>How long a paired screen stays paired without being seen: its browser's cookie lasts as long (400 days
    /// is the most Chrome keeps one), and the gateway forgets a pairing unseen for that long.</summary>
    public TimeSpan DeviceLifetime { get; set; } = TimeSpan.FromDays(400);
}
