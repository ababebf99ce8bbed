namespace SmsBooking.BookingCore.Bookings;

/// <summary>How a booking was made; stored with it and shown in the staff console's day list.</summary>
public enum BookingChannel
{
    /// <summary>By the citizen's own SMS conversation.</summary>
    Sms,

    /// <summary>On the office's booking pages (<c>/objednat</c>), confirmed by an e-mail link.</summary>
    Web,

    /// <summary>By the staff for a caller (the console or the staff API).</summary>
    Staff,
}
