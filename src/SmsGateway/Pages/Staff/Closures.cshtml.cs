using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>Closes a day, a range of days or a weekday until a date, the whole of it or a part, for the whole office, an
/// agenda or some counters; previews what it would cancel; lists the closures ahead, with who could not be told, and
/// reopens one day or a whole series.</summary>
public sealed class ClosuresModel(OfficeSettings office, StaffActions actions, StaffClosureSeries series, ClosureService closures, BookingService booking, IClock clock)
    : StaffPageModel(office)
{
    /// <summary>The whole office, as the scope's value (an agenda's is its id; empty is nothing chosen yet).</summary>
    public const string WholeOffice = "*";

    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? Until { get; set; }
    [BindProperty] public List<int> Weekdays { get; set; } = [];
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Scope { get; set; }
    [BindProperty] public int? Counters { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Offer { get; set; } = true;

    /// <summary>The form's one-time token: the same form sent twice (a double click, a reload of the result) is the same
    /// closure, or the same series, which closes no counter twice and tells nobody twice.</summary>
    [BindProperty] public string? RequestId { get; set; }

    public string? Error { get; private set; }

    public StaffClosureSeries.SeriesReport? Report { get; private set; }

    public IReadOnlyList<ClosurePreviewDay>? Preview { get; private set; }

    public IReadOnlyList<Closure> Reopened { get; private set; } = [];

    public IReadOnlyList<Closure> Upcoming { get; private set; } = [];

    /// <summary>The days of the week a series may repeat on, Monday first.</summary>
    public static IReadOnlyList<IsoDayOfWeek> WeekdayChoices { get; } = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToList();

    private async Task LoadAsync()
    {
        ViewData["Title"] = T("Uzavření a nepřítomnost", "Closures and absences");
        Date ??= Iso(booking.Calendar.Today());
        RequestId ??= Guid.NewGuid().ToString("N");
        Upcoming = await closures.UpcomingAsync();
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostPreviewAsync()
    {
        try
        {
            Preview = await series.PreviewAsync(Read(), English);
        }
        catch (StaffRequestException e)
        {
            Error = e.Message;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var asked = Read();
            var token = RequestId is { Length: 32 } t && t.All(char.IsAsciiHexDigit) ? $"console|{Who}|{t}" : null;
            if (asked.First == asked.Last && asked.Weekdays.Count == 0)
            {
                var id = token is null ? ClosureService.NewId() : ClosureService.IdFrom(token);
                var one = await actions.CloseAsync(asked.On(asked.First, "") with { Id = id, Series = null }, Offer);
                Report = new StaffClosureSeries.SeriesReport("", [one]);
            }
            else
            {
                Report = await series.CloseAsync(asked, token is null ? ClosureService.NewId() : ClosureService.IdFrom(token + "|series"), Offer, English);
            }
            (Until, Weekdays, From, To, Scope, Counters, Reason, Offer, RequestId) = (null, [], null, null, null, null, null, true, null); // done: a fresh form
        }
        catch (StaffRequestException e)
        {
            Error = e.Message;
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>The form as a series (one day when no last day and no weekday is given); a form missing what it needs
    /// is refused with what to fill in.</summary>
    private ClosureSeries Read()
    {
        if (string.IsNullOrEmpty(Scope) || Scope != WholeOffice && Office.FindAgenda(Scope) is null)
        {
            throw new StaffRequestException(T("Vyberte, koho se uzavření týká: celý úřad, nebo jednu agendu.",
                "Choose what the closure is for: the whole office, or one agenda."));
        }
        LocalTime? from = string.IsNullOrWhiteSpace(From) ? null : TimeOf(From) ?? throw new StaffRequestException("from: a time like 10:00");
        LocalTime? to = string.IsNullOrWhiteSpace(To) ? null : TimeOf(To) ?? throw new StaffRequestException("to: a time like 12:00");
        var first = NodaTime.Text.LocalDatePattern.Iso.Parse(Date ?? "") is { Success: true } d ? d.Value : throw new StaffRequestException("date: choose a day");
        var last = string.IsNullOrWhiteSpace(Until) ? first
            : NodaTime.Text.LocalDatePattern.Iso.Parse(Until) is { Success: true } u ? u.Value : throw new StaffRequestException("until: a day like 2027-06-30");
        var agenda = Scope == WholeOffice ? null : Scope;
        var weekdays = Weekdays.Where(w => w is >= 1 and <= 7).Select(w => (IsoDayOfWeek)w).ToHashSet();
        return new ClosureSeries(first, last, weekdays, from, to, agenda, agenda is null ? null : Counters, Reason ?? "", Who, clock.GetCurrentInstant());
    }

    public async Task<IActionResult> OnPostReopenAsync(string? date, string? id)
    {
        Reopened = await actions.ReopenAsync(DateOr(date, booking.Calendar.Today()), id ?? "", Who) is { } one ? [one] : [];
        return await AfterReopenAsync();
    }

    public async Task<IActionResult> OnPostReopenSeriesAsync(string? seriesId)
    {
        Reopened = string.IsNullOrEmpty(seriesId) ? [] : await series.ReopenAsync(seriesId, Who);
        return await AfterReopenAsync();
    }

    private async Task<IActionResult> AfterReopenAsync()
    {
        if (Reopened.Count == 0)
        {
            Error = T("Uzavření nenalezeno.", "No such closure.");
        }
        await LoadAsync();
        return Page();
    }

    /// <summary>A series in the console's words: <c>Pá 11. 12. 2026 – Pá 25. 6. 2027, 29 dní: 12:00–17:00, celý úřad, všechny přepážky</c>.</summary>
    public string DescribeSeries(IReadOnlyList<Closure> days) =>
        $"{Day(days[0].Date)} – {Day(days[^1].Date)}, {DaysText(days.Count)}: {Describe(days[0])[(Day(days[0].Date).Length + 1)..]}";

    /// <summary>"1 den", "3 dny", "29 dní"; "29 days".</summary>
    public string DaysText(int n) => English ? $"{n} day{(n == 1 ? "" : "s")}" : $"{n} {(n == 1 ? "den" : n is >= 2 and <= 4 ? "dny" : "dní")}";

    /// <summary>The closures ahead, a series as one entry (its days in order), a single day as its own.</summary>
    public IEnumerable<IReadOnlyList<Closure>> UpcomingGroups() =>
        Upcoming.GroupBy(c => c.Series ?? "\u0001" + c.Id).Select(g => (IReadOnlyList<Closure>)g.OrderBy(c => c.Date).ToList()).OrderBy(g => g[0].Date);
}
