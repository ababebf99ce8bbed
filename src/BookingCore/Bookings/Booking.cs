using NodaTime;

namespace SmsBooking.BookingCore.Bookings;

/// <summary>A confirmed appointment.</summary>
/// <remarks><see cref="Pin"/> and <see cref="Name"/> are personal data: never log them. A party of several people is
/// one booking (one code, one PIN, one ticket at the kiosk) with a place for each of them (<see cref="Places"/>).
/// <see cref="Channel"/> says how it was made (SMS, the web pages, the staff); a move keeps it.</remarks>
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
    string? Ticket = null,
    IReadOnlyList<LocalTime>? Places = null,
    BookingChannel Channel = BookingChannel.Sms)
{
    /// <summary>How many people the booking is for.</summary>
    public int Party => Places?.Count ?? 1;

    /// <summary>Each person's place: its slot key and its activity hour, in order (one for a booking of one).</summary>
    public IReadOnlyList<(string Slot, string Quota)> PlaceKeys =>
        (Places ?? [Time]).Select(t => (Calendar.SlotKey.Of(AgendaId, t), Capacity.QuotaKey.Of(AgendaId, ActivityId, t))).ToList();

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
    /// <summary>Booked, and locked while a move to another day is under way (stored as <c>Moving:&lt;hold id&gt;</c>):
    /// it still stands, but is not checked in, cancelled or moved again until the move is settled, so that the move and
    /// the other step can never both happen (docs/redis.md, "Moving a booking").</summary>
    Moving,
}
