using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Citizens;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Pages;

/// <summary>The citizens' page at <c>/</c>: how to book by SMS at this office, in Czech, English (<c>?lang=en</c>) or
/// Ukrainian (<c>?lang=uk</c>), written from the office's configuration so that it never disagrees with what the SMS
/// line does: the number as an <c>sms:</c> link, the office's phone, every keyword of <see cref="Keywords"/>, and the
/// coming holidays and closures.</summary>
public sealed class IndexModel(OfficeSettings office, BookingOptions booking, IOptions<TwilioOptions> twilio, ConversationOptions conversation,
    ClosureService closures, BookingService bookings, ILogger<IndexModel> log) : PageModel
{
    /// <summary>How far ahead the coming holidays and closures are listed.</summary>
    public const int ClosedDaysAhead = 60;

    public OfficeSettings Office => office;

    public Language Language { get; private set; } = Language.Cs;

    /// <summary>The number citizens text, as the office's sender shows it; empty with a messaging service only.</summary>
    public string Number => twilio.Value.From;

    /// <summary>The office's telephone for those who cannot text (<c>Conversation:OfficePhone</c>); empty: not shown.</summary>
    public string OfficePhone => conversation.OfficePhone;

    public int HoldMinutes => (int)booking.HoldDuration.TotalMinutes;

    public int CheckInBefore => (int)booking.CheckInBefore.TotalMinutes;

    public int CheckInAfter => (int)booking.CheckInAfter.TotalMinutes;

    public bool English => Language == Language.En;

    public IReadOnlyList<ClosedDay> ClosedDays { get; private set; } = [];

    /// <summary>The phrase in the page's language.</summary>
    public string L(string cs, string en, string uk) => Language switch { Language.En => en, Language.Uk => uk, _ => cs };

    public async Task OnGetAsync(string? lang)
    {
        Language = lang?.ToLowerInvariant() switch { "en" => Language.En, "uk" => Language.Uk, _ => Language.Cs };
        ViewData["Lang"] = Language.ToString().ToLowerInvariant();
        ViewData["Title"] = L("Objednání přes SMS", "Booking by SMS", "Запис через SMS");
        ClosedDays = await ClosedDaysAsync();
    }

    /// <summary>Public holidays, days closed in the configuration, and the staff's closures of a whole day or of the
    /// rest of one (an afternoon) for the office or an agenda, from today for <see cref="ClosedDaysAhead"/> days. A
    /// closure of some counters is left out: the office still serves then. Without the store, the holidays alone.</summary>
    private async Task<IReadOnlyList<ClosedDay>> ClosedDaysAsync()
    {
        var today = bookings.Calendar.Today();
        var days = new List<ClosedDay>();
        for (var d = today; d <= today.PlusDays(ClosedDaysAhead); d = d.PlusDays(1))
        {
            if (HolidayNames.Of(d, Language) is { } holiday)
            {
                days.Add(new ClosedDay(d, null, holiday));
            }
            else if (office.Closures.Contains(d) && office.Hours.ContainsKey(d.DayOfWeek))
            {
                days.Add(new ClosedDay(d, null, L("úřad zavřen", "the office is closed", "установа зачинена")));
            }
        }
        try
        {
            foreach (var c in await closures.UpcomingAsync(ClosedDaysAhead))
            {
                if (c.Counters is null && c.To is null && bookings.Calendar.IsOpenOn(c.Date))
                {
                    var what = c.AgendaId is null ? L("úřad zavřen", "the office is closed", "установа зачинена")
                        : $"{L("zavřeno", "closed", "зачинено")}: {office.FindAgenda(c.AgendaId)?.Name.In(Language) ?? c.AgendaId}";
                    days.Add(new ClosedDay(c.Date, c.From, what));
                }
            }
        }
        catch (Exception e) when (e is StackExchange.Redis.RedisException or TimeoutException)
        {
            log.LogWarning("The citizens' page lists no closures: the store did not answer ({Error})", e.GetType().Name);
        }
        return days.OrderBy(d => d.Date).ThenBy(d => d.From ?? LocalTime.Midnight).ToList();
    }

    /// <summary>What a keyword does, in the page's language.</summary>
    public string Meaning(Keyword keyword) => keyword switch
    {
        Keyword.Back => L("o krok zpět", "one step back", "на крок назад"),
        Keyword.Restart => L("začít znovu (uvolní držený termín)", "start over (releases a held time)", "почати знову (звільнить утримуваний час)"),
        Keyword.Cancel => L("zrušit objednávku (STORNO kód zruší tu jednu)", "cancel a booking (STORNO code cancels that one)", "скасувати запис (STORNO код скасує саме його)"),
        Keyword.MyBookings => L("moje objednávky s PINy", "my upcoming bookings with their PINs", "мої записи з PIN-кодами"),
        Keyword.Help => L("co linka umí", "what the line can do", "що вміє лінія"),
        Keyword.English => L("psát anglicky", "English", "англійською"),
        Keyword.Czech => L("psát česky", "Czech", "чеською"),
        Keyword.Ukrainian => L("psát ukrajinsky", "Ukrainian", "українською"),
        Keyword.More => L("další volné dny nebo časy", "more free days or times", "більше вільних днів або часу"),
        Keyword.Yes => L("ano, potvrdit", "yes, confirm", "так, підтвердити"),
        Keyword.No => L("ne, odmítnout", "no, decline", "ні, відхилити"),
        Keyword.Queue => L("kolik lidí teď čeká na úřadě", "how many wait at the office now", "скільки людей зараз чекає в установі"),
        Keyword.Move => L("přesunout objednávku na jiný den nebo čas", "move a booking to another day or time", "перенести запис на інший день або час"),
        Keyword.Watch => L("hlídat, zda se neuvolní dřívější termín", "be told when an earlier time frees", "стежити, чи не звільниться раніший час"),
        Keyword.OptOut => L("už žádné SMS od úřadu", "no more SMS from the office", "більше жодних SMS від установи"),
        Keyword.OptIn => L("SMS znovu zapnout", "SMS on again", "знову увімкнути SMS"),
        _ => "",
    };

    /// <summary>"Po 08:00–17:00" lines, Monday first; closed days left out.</summary>
    public IEnumerable<(string Day, string Hours)> OpeningHours()
    {
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            if (office.Hours.TryGetValue(day, out var hours))
            {
                yield return (DayName(day), $"{hours.Open:HH:mm}–{hours.Close:HH:mm}");
            }
        }
    }

    public string DayName(IsoDayOfWeek day) => L(CsDays[(int)day], EnDays[(int)day], UkDays[(int)day]);

    private static readonly string[] CsDays = ["", "Pondělí", "Úterý", "Středa", "Čtvrtek", "Pátek", "Sobota", "Neděle"];
    private static readonly string[] EnDays = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] UkDays = ["", "Понеділок", "Вівторок", "Середа", "Четвер", "П'ятниця", "Субота", "Неділя"];

    /// <summary>"Pá 25. 12. 2026".</summary>
    public string DateText(LocalDate date) => $"{DayName(date.DayOfWeek)} {date.Day}. {date.Month}. {date.Year}";

    /// <summary>A number as an <c>sms:</c> or <c>tel:</c> address: digits and a leading plus only.</summary>
    public static string Href(string scheme, string number) =>
        scheme + ":" + new string(number.Trim().Where((c, i) => char.IsAsciiDigit(c) || c == '+' && i == 0).ToArray());
}
