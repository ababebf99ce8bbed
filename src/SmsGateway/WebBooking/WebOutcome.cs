namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>What became of a step of the web booking; each has its own sentence on the page.</summary>
public enum WebOutcome
{
    Done,
    /// <summary>The link's token is unknown or expired.</summary>
    UnknownLink,
    /// <summary>Taken meanwhile (or the activity's hour is at its quota): choose another time.</summary>
    SlotFull,
    /// <summary>The party does not fit from that time: too few free places, or not enough slots left in the day.</summary>
    NoRoomForParty,
    /// <summary>Not a bookable time (past, closed, beyond the horizon).</summary>
    NotOffered,
    /// <summary>The e-mail address (or the mobile) has as many upcoming bookings for the agenda as a phone may.</summary>
    TooManyBookings,
    /// <summary>The e-mail address (or the mobile) has as many places booked as a phone may.</summary>
    TooManyPlaces,
    /// <summary>The reservation was not confirmed in time; the slot is free again.</summary>
    Lapsed,
    AlreadyConfirmed,
    /// <summary>The booking is no longer there to cancel or move (cancelled, moved, checked in or past).</summary>
    NotActive,
    /// <summary>The web booking is off (no mail relay).</summary>
    Off,
}
