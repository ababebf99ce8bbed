using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>How a list of the phone's own bookings (MOJE, and the lists to cancel and to move) names each: as the
/// summary names it (<c>Cestovni pasy - Podani zadosti o pas</c>) where all of them fit the reply whole so, else by the
/// agenda's name, else by its id (six bookings, the most a phone may hold, fit only so). A citizen does not know
/// <c>CP</c> or <c>OP</c>.</summary>
public static class BookingNames
{
    /// <summary>The bookings' lines, named as fits <paramref name="reply"/> (the whole reply made of the lines).</summary>
    public static IReadOnlyList<string> Lines(Turn t, OfficeSettings office, IReadOnlyList<Booking> bookings, bool withPin,
        Func<IReadOnlyList<string>, string> reply)
    {
        foreach (var withActivity in (bool[])[true, false])
        {
            var lines = bookings.Select(b => t.Texts.BookingLine(b, withPin, Named(t, office, b, withActivity))).ToList();
            if (t.Texts.Fits(reply(lines)))
            {
                return lines;
            }
        }
        return bookings.Select(b => t.Texts.BookingLine(b, withPin)).ToList();
    }

    /// <summary>The one booking of <paramref name="bookings"/> of the agenda (and activity) the message names
    /// (<c>zrusit rezervaci na pas</c>, <c>ten pas</c> at a list); null when it names none, or several bookings are of it.</summary>
    public static Booking? OnlyOneOf(IReadOnlyList<Booking> bookings, Reading.MessageReading r, bool byDay = false)
    {
        var of = Of(bookings, r, byDay);
        return of.Count == 1 ? of[0] : null;
    }

    /// <summary>The bookings of the agenda (and activity) the message names, and with <paramref name="byDay"/> of its days
    /// (<c>zrusit termin na dnes</c>: a move's day is the new one, not the booking's); none when it names neither.</summary>
    public static List<Booking> Of(IReadOnlyList<Booking> bookings, Reading.MessageReading r, bool byDay = false)
    {
        var days = byDay ? r.Days : null;
        return r.Agenda is null && days is null ? [] : bookings.Where(b =>
            (r.Agenda is null || b.AgendaId == r.Agenda.Id && (r.Activity is null || b.ActivityId == r.Activity.Id))
            && (days is not { } d || b.Date >= d.Start && b.Date <= d.End)).ToList();
    }

    private static string? Named(Turn t, OfficeSettings office, Booking b, bool withActivity)
    {
        var agenda = office.FindAgenda(b.AgendaId);
        var activity = agenda?.FindActivity(b.ActivityId);
        return agenda is null ? null : withActivity && activity is not null
            ? $"{agenda.Name.In(t.Language)} - {activity.Name.In(t.Language)}"
            : agenda.Name.In(t.Language);
    }
}
