namespace SmsBooking.BookingCore.Waitlist;

/// <summary>What <see cref="IWaitlistStore.TryClaimAsync"/> found.</summary>
public enum OfferClaim
{
    /// <summary>The phone is this caller's to offer one slot to.</summary>
    Claimed,
    /// <summary>An offer to the phone is still open (this gateway's or another's).</summary>
    Busy,
    /// <summary>The phone had <c>Waitlist:MaxOffersPerDay</c> offers today.</summary>
    DayLimit,
}
