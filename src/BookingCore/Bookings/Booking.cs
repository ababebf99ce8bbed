using NodaTime;

namespace SmsBooking.BookingCore.Bookings;

/// <summary>A confirmed appointment.</summary>
/// <remarks><see cref="Pin"/> and <see cref="Name"/> are personal data: never log them.</remarks>
public sealed record Booking(
    string Code,
    string Pin,
    string Phone,
    string Name,
    string AgendaId,
    string ActivityId,
    LocalDate Date,
    LocalTime Time,
    Instant Start,
    Instant CreatedAt,
    string HoldId,
    BookingStatus Status = BookingStatus.Booked,
    string? Ticket = null)
{
    public string SlotKey => Calendar.SlotKey.Of(AgendaId, Time);

    /// <summary>The activity's hour this booking counts in (<see cref="Capacity.QuotaKey"/>).</summary>
    public string QuotaKey => Capacity.QuotaKey.Of(AgendaId, ActivityId, Time);

    public Booking WithStatus(BookingStatus status) => this with { Status = status };
}

/// <summary>A booking's life: booked → checked in → called → done, or cancelled / no-show.</summary>
public enum BookingStatus
{
    Booked,
    CheckedIn,
    Called,
    Done,
    Cancelled,
    NoShow,
}
