using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What the numbers of the list the citizen was last shown stand for: a number picks from it.</summary>
public sealed class ShownList
{
    private readonly IReadOnlyList<MessageReading> _items;

    private ShownList(IReadOnlyList<MessageReading> items) => _items = items;

    /// <summary>No list is on the phone's screen: a number means nothing.</summary>
    public static ShownList None { get; } = new([]);

    public int Count => _items.Count;

    public static ShownList OfAgendas(IEnumerable<Agenda> agendas) =>
        new(agendas.Select(a => new MessageReading { Agenda = a }).ToList());

    public static ShownList OfActivities(Agenda agenda) =>
        new(agenda.Activities.Select(a => new MessageReading { Agenda = agenda, Activity = a }).ToList());

    public static ShownList OfDays(IEnumerable<LocalDate> days) =>
        new(days.Select(d => new MessageReading { Days = new DateInterval(d, d) }).ToList());

    public static ShownList OfTimes(IEnumerable<LocalTime> times) =>
        new(times.Select(t => new MessageReading { Time = t }).ToList());

    public static ShownList OfBookings(IEnumerable<string> bookingCodes) =>
        new(bookingCodes.Select(c => new MessageReading { BookingCode = c }).ToList());

    /// <summary>The item numbered <paramref name="number"/> (from 1), with the number as the choice; null when the list
    /// has no such item.</summary>
    internal MessageReading? Pick(int number) =>
        number >= 1 && number <= _items.Count ? _items[number - 1] with { Choice = number } : null;
}
