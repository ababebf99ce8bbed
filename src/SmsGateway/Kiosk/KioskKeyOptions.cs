namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>One device's key, under <c>Kiosk:Keys:N</c>.</summary>
public sealed class KioskKeyOptions
{
    /// <summary>The secret sent in <c>X-Api-Key</c>; outside Development at least 16 characters and not a placeholder.</summary>
    public string? Key { get; set; }

    /// <summary><c>kiosk</c>, <c>counter</c>, <c>board</c> or <c>staff</c> (kept as text so that a wrong value is named in
    /// one line, not bound to a number or to two roles at once).</summary>
    public string? Role { get; set; }

    /// <summary>Optional: what the staff call the device in logs (<c>entrance</c>); for a counter key, the counter that
    /// <c>/api/queue/next</c> calls to when the request names none (<c>3</c>, <c>counter 3</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Optional, for a counter key: the agendas (ids or SMS codes) its counter calls; none: every agenda. The
    /// staff console can set a counter's agendas over it (docs/screens.md, "The counter").</summary>
    public List<string> Agendas { get; set; } = [];
}
