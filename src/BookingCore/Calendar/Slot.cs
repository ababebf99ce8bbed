using NodaTime;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>A bookable place in time for one agenda: <c>[Start, End)</c> in the office's zone.</summary>
public sealed record Slot(string AgendaId, LocalDate Date, LocalTime Start, LocalTime End, Instant StartInstant)
{
    /// <summary>The field that names this slot inside its day, e.g. <c>OP|08:30</c>.</summary>
    public string Key => SlotKey.Of(AgendaId, Start);
}

/// <summary>Slot identity within one office day.</summary>
/// <remarks>Asked for a few times a slot at every look at a day's room: the keys made are kept (a few thousand at
/// most: the office's agendas times the starts of a day).</remarks>
public static class SlotKey
{
    private static readonly KeptValues<(string Agenda, LocalTime Start), string> Made = new(4096);

    public static string Of(string agendaId, LocalTime start) =>
        Made.Get((agendaId, start), static k => $"{k.Agenda}|{k.Start.Hour:00}:{k.Start.Minute:00}");
}
