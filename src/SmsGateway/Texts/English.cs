using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>English, after EN.</summary>
public sealed class English : ConversationTexts
{
    public static readonly English Instance = new();

    private static readonly string[] Days = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public override Language Language => Language.En;

    public override string DayLabel(LocalDate day) => $"{Days[(int)day.DayOfWeek]} {Dm(day)}";

    public override string Greeting(IReadOnlyList<string> agendas) =>
        $"Hello, appointments at the office. Send the number of an agenda:\n{Numbered(agendas)}\nCZ = cesky, HELP = help";

    public override string ChooseAgenda(IReadOnlyList<string> agendas) => $"Send the number of an agenda:\n{Numbered(agendas)}";

    public override string ChooseActivity(string agenda, IReadOnlyList<string> activities) =>
        $"{agenda} - send the number of what you need:\n{Numbered(activities)}\nBACK = back";

    public override string ChooseDay(string agenda, IReadOnlyList<LocalDate> days, bool more) =>
        $"{agenda} - choose a day (number or date like {Dm(days[0])}):\n{Numbered(days.Select(DayLabel))}" + (more ? "\nMORE = later days" : "");

    public override string NoFreeDays(string agenda) => $"{agenda}: no free time in the booking period. MENU = start over";

    public override string ChooseTime(LocalDate day, IReadOnlyList<LocalTime> times, bool more) =>
        $"Free times {DayLabel(day)} (number or time like {Hm(times[0])}):\n{Numbered(times.Select(Hm))}" + (more ? "\nMORE = later times" : "") + "\nBACK = other day";

    public override string NoFreeTimes(LocalDate day) => $"No free time left on {DayLabel(day)}. Choose another day.";

    public override string AskName(LocalDate day, LocalTime time, LocalTime holdEnds) =>
        $"{DayLabel(day)} {Hm(time)} is held for you until {Hm(holdEnds)}. Send your first name and surname:";

    public override string Summary(string agenda, string activity, LocalDate day, LocalTime time, string name, LocalTime holdEnds) =>
        $"Summary: {agenda} - {activity}, {DayLabel(day)}{day.Year} {Hm(time)}, {name}. Reply OK by {Hm(holdEnds)} or the time lapses. BACK = change, STORNO = cancel";

    public override string Confirmed(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        $"Booked. Code: {b.Code}\n{DayLabel(b.Date)}{b.Date.Year} {Hm(b.Time)}, {agenda}\n{place}\nEnter the PIN at the kiosk {Hm(from)}-{Hm(to)}, not earlier or later.\nPIN: {b.Pin}";

    public override string AlreadyConfirmed(Booking b) =>
        $"Already confirmed. Code: {b.Code}, {DayLabel(b.Date)}{b.Date.Year} {Hm(b.Time)}. PIN: {b.Pin}";

    public override string HoldLapsed() => "The time to confirm ran out and the slot was released.";

    public override string SlotTaken() => "That time was just taken.";

    public override string TooManyBookings(int max) =>
        $"You already have {max} upcoming bookings for this agenda. MY = list, STORNO = cancel.";

    public override string HoldReleased() => "The held time was released. MENU = new booking.";

    public override string NothingToCancel() => "You have no booking to cancel. MENU = new booking.";

    public override string ChooseCancellation(IReadOnlyList<string> bookings) =>
        $"Which booking to cancel? Send its number:\n{Numbered(bookings)}\nBACK = cancel nothing";

    public override string Cancelled(string code) => $"Booking {code} is cancelled. MENU = new booking.";

    public override string UnknownCode(string code) => $"You have no booking {code}. MY = your bookings.";

    public override string MyBookings(IReadOnlyList<string> bookings) =>
        $"Your bookings:\n{string.Join("\n", bookings)}\nSTORNO code = cancel";

    public override string NoBookings() => "You have no upcoming booking. MENU = new booking.";

    public override string BookingLine(Booking b, bool withPin) =>
        $"{b.Code} {DayLabel(b.Date)} {Hm(b.Time)} {b.AgendaId}"
        + (b.Status == BookingStatus.CheckedIn ? " checked in" : withPin ? $" PIN: {b.Pin}" : "");

    public override string Help() =>
        "Send a number from the list. BACK = back, MENU = start over, STORNO = cancel, MY = my bookings, CZ = cesky, STOP = no SMS. Quick: OBJ ZOP 10.8. 14:00 NOVAK, free times: VOLNO ZOP";

    public override string QuickOffer(string agenda, LocalDate day, LocalTime time, string name, LocalTime holdEnds, bool requestedWasFree) =>
        (requestedWasFree ? "" : "The time you asked for is not free; the nearest free one: ") +
        $"{agenda}, {DayLabel(day)}{day.Year} {Hm(time)}, {name}. Reply OK by {Hm(holdEnds)}, or NO to decline.";

    public override string QuickNothingFree(string agenda, int days) => $"{agenda}: no free time in the next {days} days. MENU = list of days";

    public override string QuickSyntax(string codes) => $"Booking in one SMS: OBJ code [date] [time] name, e.g. OBJ ZOP 10.8. 14:00 NOVAK. Codes: {codes}";

    public override string UnknownAgendaCode(string code, string codes) => $"Unknown agenda code {code}. Codes: {codes}. E.g. OBJ ZOP 10.8. 14:00 NOVAK";

    public override string FreeTimes(string agenda, LocalDate day, IReadOnlyList<LocalTime> times) =>
        $"{agenda} free {DayLabel(day)}: {string.Join(" ", times.Select(Hm))}";

    public override string NoFreeTimesAhead(string agenda) => $"{agenda}: no free time in the booking period.";

    public override string QuickHintConfirm() => "Reply OK to confirm or NO to decline.";

    public override string HoldLapsedButStillFree(LocalTime holdEnds) => $"The time to confirm ran out, but the slot is still free and held until {Hm(holdEnds)}. Reply OK.";

    public override string TakenMeanwhile() => "That time was taken meanwhile.";

    public override string Declined() => "Declined, nothing is booked. MENU = new booking.";

    public override string InvalidName() => "Send your first name and surname in Latin letters (2-100 letters, spaces, hyphens, dots).";

    public override string HintNumber(int max) => max == 1 ? "Send the number 1." : $"Send a number from 1 to {max}.";

    public override string HintDay() => "Send the number of a day from the list or a date like 15.12.";

    public override string HintTime() => "Send the number of a time from the list or a time like 9:30.";

    public override string HintConfirm() => "Reply OK to confirm, BACK to change, STORNO to cancel.";

    public override string NoMorePages() => "There are no more.";

    public override string TryAgainLater() => "Sorry, the system is briefly unavailable. Please try again in a few minutes. / Zkuste to prosim za par minut.";

    public override string NotSavedTryAgain() => "Sorry, we could not save your message safely just now. Please send the same message again in a minute.";

    public override string TooManyMessages() => "Too many messages. Please wait a minute.";

    public override string CountryNotServed() => "SMS booking accepts Czech and Slovak numbers only. Please book on the web or by phone.";

    public override string LapseNotice(LocalDate day, LocalTime time) =>
        $"{DayLabel(day)} {Hm(time)} was not confirmed and has lapsed. Send MENU for a new booking.";

    public override string Reminder(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        $"Reminder: {DayLabel(b.Date)} {Hm(b.Time)} {agenda}, {place}. Enter the PIN at the kiosk {Hm(from)}-{Hm(to)}. PIN: {b.Pin}";
}
