using NodaTime;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>A bookable place in time for one agenda: <c>[Start, End)</c> in the office's zone.</summary>
public sealed record Slot(string AgendaId, LocalDate Date, LocalTime Start, LocalTime End, Instant StartInstant)
{
    /// <summary>The field that names this slot inside its day, e.g. <c>OP|08:30</c>.</summary>
    public string Key => SlotKey.Of(AgendaId, Start);
}

/// <summary>Slot identity within one office day.</summary>
public static class SlotKey
{
    public static string Of(string agendaId, LocalTime start) =>
        $"{agendaId}|{start.Hour:00}:{start.Minute:00}";
}
