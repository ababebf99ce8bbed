namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>What a key of the kiosk and queue API may do. A key has one role (<c>Kiosk:Keys:N:Role</c>); the legacy
/// <c>Kiosk:ApiKeys</c> carry the three device roles at once.</summary>
[Flags]
public enum KioskRole
{
    None = 0,

    /// <summary>The entrance kiosk: PIN check-in and walk-in tickets.</summary>
    Kiosk = 1,

    /// <summary>A counter terminal: calls the next ticket, calls it again, marks it a no-show, done or hands it over.</summary>
    Counter = 2,

    /// <summary>The waiting-room display: reads the board.</summary>
    Board = 4,

    /// <summary>The staff's API (<c>/api/staff/*</c>); no device endpoint accepts it.</summary>
    Staff = 8,

    /// <summary>What a legacy <c>Kiosk:ApiKeys</c> key may do: every device endpoint, never the staff's.</summary>
    LegacyDevice = Kiosk | Counter | Board,
}
