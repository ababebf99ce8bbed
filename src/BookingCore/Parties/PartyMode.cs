namespace SmsBooking.BookingCore.Parties;

/// <summary>How an office seats a party (several people under one booking), <c>Booking:PartyMode</c>.</summary>
public enum PartyMode
{
    /// <summary>One counter, one slot after another: a family served by one clerk, one person after the other.</summary>
    Consecutive,

    /// <summary>Several counters in the same slot: everyone is served at once, each at a counter of their own.</summary>
    Parallel,
}
