using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Conversation.Reading;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation.Reading;

/// <summary>The reader over Trutnov's shipped configuration, on Wednesday 2026-11-25, with the lists each step shows.</summary>
public static class ReadingFixture
{
    public static readonly LocalDate Today = new(2026, 11, 25); // a Wednesday

    public static readonly OfficeSettings Office = TestOffice.Trutnov();

    public static readonly MessageReader Reader = new(Office);

    /// <summary>The day list: the next six working days.</summary>
    public static readonly IReadOnlyList<LocalDate> ShownDays =
    [
        new(2026, 11, 26), new(2026, 11, 27), new(2026, 11, 30), new(2026, 12, 1), new(2026, 12, 2), new(2026, 12, 3),
    ];

    /// <summary>The time list: twelve quarter hours from 08:00.</summary>
    public static readonly IReadOnlyList<LocalTime> ShownTimes = Enumerable.Range(0, 12).Select(i => new LocalTime(8, 0).PlusMinutes(15 * i)).ToList();

    public static readonly IReadOnlyList<string> ShownBookings = ["K7M3QX", "P2R4TW"];

    /// <summary>The context of a step as the corpus names it: <c>Idle</c>, <c>ChoosingActivity:OP</c>,
    /// <c>Idle/optout</c>. A step that shows a list shows the one above.</summary>
    public static ReadingContext Context(string step)
    {
        var optedOut = step.EndsWith("/optout", StringComparison.Ordinal);
        step = optedOut ? step[..^"/optout".Length] : step;
        var parts = step.Split(':');
        var state = Enum.Parse<ConversationState>(parts[0]);
        var agenda = parts.Length > 1 ? Office.FindAgenda(parts[1]) ?? throw new FormatException($"no agenda {parts[1]}") : null;
        var shown = state switch
        {
            ConversationState.ChoosingAgenda => ShownList.OfAgendas(Office.Agendas),
            ConversationState.ChoosingActivity => ShownList.OfActivities(agenda ?? throw new FormatException("ChoosingActivity needs :AGENDA")),
            ConversationState.ChoosingDay => ShownList.OfDays(ShownDays),
            ConversationState.ChoosingTime => ShownList.OfTimes(ShownTimes),
            ConversationState.ChoosingCancellation => ShownList.OfBookings(ShownBookings),
            _ => ShownList.None,
        };
        return new ReadingContext(state, Today) { Agenda = agenda, Shown = shown, OptedOut = optedOut };
    }

    public static string Read(string message, string step = "Idle") => ReadingDescription.Of(Reader.Read(message, Context(step)));

    /// <summary>The reading on another day than <see cref="Today"/>.</summary>
    public static string ReadOn(LocalDate today, string message, string step = "Idle") =>
        ReadingDescription.Of(Reader.Read(message, Context(step) with { Today = today }));
}
