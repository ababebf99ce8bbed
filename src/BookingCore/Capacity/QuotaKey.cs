using NodaTime;

namespace SmsBooking.BookingCore.Capacity;

/// <summary>Names one activity's clock hour inside an office day, e.g. <c>OP|zadost|h09</c>: the store counts holds
/// and bookings under it beside the slot keys (<c>OP|09:15</c>), so that the hour's quota is checked in the same
/// atomic step as the slot's counters.</summary>
/// <remarks>Three parts where a slot key has two, so the two never meet; the store keeps a hold's quota member as
/// <c>OP|zadost|h09|holdId</c>, and everything before the last <c>|</c> is the key it counts under, as for slots.</remarks>
public static class QuotaKey
{
    /// <summary>The hour a slot starting at <paramref name="start"/> counts in: the clock hour of its start.</summary>
    /// <remarks>The keys made are kept (a few thousand at most: the office's activities times the hours of a day), as
    /// for <see cref="Calendar.SlotKey"/>.</remarks>
    public static string Of(string agendaId, string activityId, LocalTime start) =>
        Made.Get((agendaId, activityId, start.Hour), static k => $"{k.Agenda}|{k.Activity}|h{k.Hour:00}");

    private static readonly Calendar.KeptValues<(string Agenda, string Activity, int Hour), string> Made = new(4096);
}
