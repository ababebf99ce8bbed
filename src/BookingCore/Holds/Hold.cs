using NodaTime;

namespace SmsBooking.BookingCore.Holds;

/// <summary>A slot kept for one phone until <see cref="ExpiresAt"/> (exclusive) while the citizen confirms.</summary>
/// <param name="Places">For a party of several people, the start of each one's place (consecutive slots, or the same
/// slot repeated at parallel counters); null for one person, whose place is <see cref="Time"/>.</param>
public sealed record Hold(string Id, string Phone, string AgendaId, string ActivityId, LocalDate Date, LocalTime Time, Instant ExpiresAt,
    IReadOnlyList<LocalTime>? Places = null)
{
    public string SlotKey => Calendar.SlotKey.Of(AgendaId, Time);

    /// <summary>The activity's hour this hold counts in (<see cref="Capacity.QuotaKey"/>).</summary>
    public string QuotaKey => Capacity.QuotaKey.Of(AgendaId, ActivityId, Time);

    /// <summary>How many people the hold is for.</summary>
    public int Party => Places?.Count ?? 1;

    /// <summary>Each person's place: its slot key and its activity hour, in order.</summary>
    public IReadOnlyList<(string Slot, string Quota)> PlaceKeys =>
        (Places ?? [Time]).Select(t => (Calendar.SlotKey.Of(AgendaId, t), Capacity.QuotaKey.Of(AgendaId, ActivityId, t))).ToList();

    public bool IsLiveAt(Instant now) => now < ExpiresAt;
}
