namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>The device a request's <c>X-Api-Key</c> belongs to.</summary>
/// <param name="Roles">What the key may do.</param>
/// <param name="Name">The configured name, or null.</param>
/// <param name="KeyHash">Names the key's PIN guard in the store; the key itself is never stored or logged.</param>
/// <param name="Setting">Where the key is configured (<c>Kiosk:Keys:2</c>), for the staff reading a log line.</param>
/// <param name="Agendas">A counter key's agendas (<c>Kiosk:Keys:N:Agendas</c>), or null: every agenda.</param>
public sealed record KioskDevice(KioskRole Roles, string? Name, string KeyHash, string Setting, IReadOnlyList<string>? Agendas = null)
{
    /// <summary>The device as a log line names it: its name, or where its key is configured.</summary>
    public string Label => Name ?? Setting;
}
