using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.BookingCore.Closures;

/// <summary>Counters closed at run time on one office day: the whole office or one agenda, all its counters or some
/// (a clerk ill: one), the whole day or <c>[From, To)</c>.</summary>
/// <param name="Id">Names the closure within its day.</param>
/// <param name="AgendaId">The agenda closed, or null for every agenda.</param>
/// <param name="Counters">How many of the agenda's counters close, or null for all of them (the agenda, or the office,
/// is closed).</param>
/// <param name="Reason">What the staff typed, short; it goes into the citizens' SMS.</param>
/// <param name="By">Who closed it (a staff user or a staff key's name), for the console and the audit log.</param>
/// <remarks>A slot is covered when it overlaps <c>[From, To)</c>: a closure from 10:00 covers the 09:45-10:05 slot.</remarks>
public sealed record Closure(string Id, LocalDate Date, LocalTime? From, LocalTime? To, string? AgendaId, int? Counters,
    string Reason, string By, Instant At)
{
    /// <summary>Bookings the closure cancelled (set once they are cancelled).</summary>
    public int Cancelled { get; init; }

    /// <summary>Codes of cancelled bookings whose citizen could not be told (opted out, or booked without a phone).</summary>
    public IReadOnlyList<string> NotTold { get; init; } = [];

    /// <summary>The series the closure was made in (<see cref="ClosureSeries"/>: a range of days, a weekday repeated),
    /// or null for a closure of one day.</summary>
    public string? Series { get; init; }

    public bool WholeDay => From is null && To is null;

    public bool Applies(Agenda agenda) => AgendaId is null || AgendaId == agenda.Id;

    public bool Covers(Slot slot) => (From is null || slot.End > From.Value) && (To is null || slot.Start < To.Value);

    /// <summary>Counters of <paramref name="agenda"/> this closure takes away at a slot it covers.</summary>
    public int CountersOf(Agenda agenda) => Math.Min(Counters ?? agenda.Counters, agenda.Counters);
}
