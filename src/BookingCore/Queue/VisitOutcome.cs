using SmsBooking.BookingCore.Bookings;

namespace SmsBooking.BookingCore.Queue;

/// <summary>What became of the staff's "done" or "no-show" for a booking.</summary>
public enum VisitOutcome
{
    Settled,
    /// <summary>It stood so already.</summary>
    Already,
    /// <summary>Cancelled, or being moved to another day: nothing changed.</summary>
    Refused,
    NotFound,
}

/// <summary>The outcome, and the booking's status before (for the audit log).</summary>
public sealed record VisitResult(VisitOutcome Outcome, BookingStatus? Before = null);
