using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>Closes a day, a part of it, an agenda or some counters; lists the closures ahead, with who could not be told,
/// and reopens one.</summary>
public sealed class ClosuresModel(OfficeSettings office, StaffActions actions, ClosureService closures, BookingService booking, IClock clock)
    : StaffPageModel(office)
{
    [BindProperty] public string? Date { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public int? Counters { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public bool Offer { get; set; } = true;

    /// <summary>The form's one-time token: the same form sent twice (a double click, a reload of the result) is the same
    /// closure, which closes no counter twice and tells nobody twice.</summary>
    [BindProperty] public string? RequestId { get; set; }

    public string? Error { get; private set; }

    public StaffActions.ClosureReport? Report { get; private set; }

    public Closure? Reopened { get; private set; }

    public IReadOnlyList<Closure> Upcoming { get; private set; } = [];

    private async Task LoadAsync()
    {
        ViewData["Title"] = T("Uzavření a nepřítomnost", "Closures and absences");
        Date ??= Iso(booking.Calendar.Today());
        RequestId ??= Guid.NewGuid().ToString("N");
        Upcoming = await closures.UpcomingAsync();
    }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            LocalTime? from = string.IsNullOrWhiteSpace(From) ? null : TimeOf(From) ?? throw new StaffRequestException("from: a time like 10:00");
            LocalTime? to = string.IsNullOrWhiteSpace(To) ? null : TimeOf(To) ?? throw new StaffRequestException("to: a time like 12:00");
            var date = NodaTime.Text.LocalDatePattern.Iso.Parse(Date ?? "") is { Success: true } d ? d.Value : throw new StaffRequestException("date: choose a day");
            var agenda = string.IsNullOrWhiteSpace(Agenda) ? null : Agenda;
            var id = RequestId is { Length: 32 } token && token.All(char.IsAsciiHexDigit) ? ClosureService.IdFrom($"console|{Who}|{token}") : ClosureService.NewId();
            var closure = new Closure(id, date, from, to, agenda, agenda is null ? null : Counters, Reason ?? "", Who, clock.GetCurrentInstant());
            Report = await actions.CloseAsync(closure, Offer);
            (From, To, Agenda, Counters, Reason, Offer, RequestId) = (null, null, null, null, null, true, null); // done: a fresh form
        }
        catch (StaffRequestException e)
        {
            Error = e.Message;
        }
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync(string? date, string? id)
    {
        Reopened = await actions.ReopenAsync(DateOr(date, booking.Calendar.Today()), id ?? "", Who);
        if (Reopened is null)
        {
            Error = T("Uzavření nenalezeno.", "No such closure.");
        }
        await LoadAsync();
        return Page();
    }
}
