using NodaTime;

namespace SmsBooking.BookingCore.Holds;

/// <summary>A slot kept for one phone until <see cref="ExpiresAt"/> (exclusive) while the citizen confirms.</summary>
public sealed record Hold(string Id, string Phone, string AgendaId, string ActivityId, LocalDate Date, LocalTime Time, Instant ExpiresAt)
{
    public string SlotKey => Calendar.SlotKey.Of(AgendaId, Time);

    /// <summary>The activity's hour this hold counts in (<see cref="Capacity.QuotaKey"/>).</summary>
    public string QuotaKey => Capacity.QuotaKey.Of(AgendaId, ActivityId, Time);

    public bool IsLiveAt(Instant now) => now < ExpiresAt;
}
