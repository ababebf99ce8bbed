using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>Every sentence the gateway sends, in one language. Lists are numbered one option a line, number first.</summary>
/// <remarks>Written with diacritics; <see cref="Sms.SmsEncoding.ToGsmFriendly"/> strips them unless
/// <c>Conversation:UseDiacritics</c> is on. Each reply must fit 2 SMS segments with the longest names.</remarks>
public abstract class ConversationTexts
{
    public static ConversationTexts For(Language language) => language == Language.En ? English.Instance : Czech.Instance;

    public abstract Language Language { get; }

    public abstract string Greeting(IReadOnlyList<string> agendas);
    public abstract string ChooseAgenda(IReadOnlyList<string> agendas);
    public abstract string ChooseActivity(string agenda, IReadOnlyList<string> activities);
    public abstract string ChooseDay(string agenda, IReadOnlyList<LocalDate> days, bool more);
    public abstract string NoFreeDays(string agenda);
    public abstract string ChooseTime(LocalDate day, IReadOnlyList<LocalTime> times, bool more);
    public abstract string NoFreeTimes(LocalDate day);
    public abstract string AskName(LocalDate day, LocalTime time, LocalTime holdEnds);
    public abstract string Summary(string agenda, string activity, LocalDate day, LocalTime time, string name, LocalTime holdEnds);
    public abstract string Confirmed(Booking booking, string agenda, string place, LocalTime checkInFrom, LocalTime checkInTo);
    public abstract string AlreadyConfirmed(Booking booking);
    public abstract string HoldLapsed();
    public abstract string SlotTaken();
    public abstract string TooManyBookings(int max);
    public abstract string HoldReleased();
    public abstract string NothingToCancel();
    public abstract string ChooseCancellation(IReadOnlyList<string> bookings);
    public abstract string Cancelled(string code);
    public abstract string UnknownCode(string code);
    public abstract string MyBookings(IReadOnlyList<string> bookings);
    public abstract string NoBookings();
    /// <summary>One booking in a list; the agenda by its short id so that six lines fit two segments.</summary>
    public abstract string BookingLine(Booking booking, bool withPin);
    public abstract string Help();
    public abstract string InvalidName();
    public abstract string HintNumber(int max);
    public abstract string HintDay();
    public abstract string HintTime();
    public abstract string HintConfirm();
    public abstract string NoMorePages();
    public abstract string TryAgainLater();
    /// <summary>The step was made but is not yet safe on a second server (Redis replicas did not acknowledge it): the
    /// same message again in a minute gives the same result, never a second booking.</summary>
    public abstract string NotSavedTryAgain();
    public abstract string TooManyMessages();
    public abstract string CountryNotServed();
    public abstract string LapseNotice(LocalDate day, LocalTime time);
    public abstract string Reminder(Booking booking, string agenda, string place, LocalTime checkInFrom, LocalTime checkInTo);

    // One-message booking (OBJ) and the free-times query (VOLNO), the syntax Trutnov's line already knows.
    public abstract string QuickOffer(string agenda, LocalDate day, LocalTime time, string name, LocalTime holdEnds, bool requestedWasFree);
    public abstract string QuickNothingFree(string agenda, int days);
    public abstract string QuickSyntax(string codes);
    public abstract string UnknownAgendaCode(string code, string codes);
    public abstract string FreeTimes(string agenda, LocalDate day, IReadOnlyList<LocalTime> times);
    public abstract string NoFreeTimesAhead(string agenda);
    public abstract string QuickHintConfirm();
    public abstract string HoldLapsedButStillFree(LocalTime holdEnds);
    public abstract string TakenMeanwhile();
    public abstract string Declined();

    protected static string Numbered(IEnumerable<string> labels) =>
        string.Join("\n", labels.Select((label, i) => $"{i + 1} {label}"));

    protected static string Hm(LocalTime t) => $"{t.Hour:00}:{t.Minute:00}";

    protected static string Dm(LocalDate d) => $"{d.Day}.{d.Month}.";

    protected static string Dmy(LocalDate d) => $"{d.Day}.{d.Month}.{d.Year}";

    public abstract string DayLabel(LocalDate day);
}
