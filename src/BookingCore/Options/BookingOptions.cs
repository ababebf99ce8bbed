namespace SmsBooking.BookingCore.Options;

/// <summary>Rules of holds, bookings and check-in, under <c>Booking</c>.</summary>
public sealed class BookingOptions
{
    public const string SectionName = "Booking";

    /// <summary>How long a chosen slot is held before it lapses unconfirmed.</summary>
    public TimeSpan HoldDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Check-in opens this long before the booked start (inclusive).</summary>
    public TimeSpan CheckInBefore { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Check-in closes this long after the booked start (inclusive).</summary>
    public TimeSpan CheckInAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>At most this many upcoming bookings per phone and agenda.</summary>
    public int MaxUpcomingPerAgenda { get; set; } = 2;

    /// <summary>At most this many places (people, over all upcoming bookings of every agenda) per phone; 0: no cap.
    /// Eight lets a family of four book two visits each (identity cards and passports, or an application and its
    /// pickup), where the per-agenda cap and parties alone would let one phone take 24 places.</summary>
    public int MaxPlacesPerPhone { get; set; } = 8;

    /// <summary>A cancelled slot is offered again only after this delay (against appointment trading).</summary>
    public TimeSpan CancelReleaseDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long one gateway reuses an agenda's list of days with a free slot before reading the store again;
    /// zero reads it every time. The list is only an offer (holding a slot is atomic in the store), and in a rush
    /// every citizen asks for the same list.</summary>
    public TimeSpan FreeDaysCacheTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A booking's personal data (name, phone) is deleted this many days after the visit.</summary>
    public int RetentionDays { get; set; } = 30;

    /// <summary>How a party of several people (<c>2 osoby</c>) is seated: consecutive slots at one counter, or the same
    /// slot at parallel counters.</summary>
    public Parties.PartyMode PartyMode { get; set; } = Parties.PartyMode.Consecutive;

    /// <summary>At most this many people under one booking; 1 turns parties off.</summary>
    public int MaxPartySize { get; set; } = 4;
}
