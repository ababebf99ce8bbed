using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>Books for someone who phones or stands at the counter: the free times of an activity and day, then a name and
/// an optional phone. The PIN goes by SMS, or is shown here to be read out.</summary>
public sealed class BookModel(OfficeSettings office, StaffActions actions, BookingService booking) : StaffPageModel(office)
{
    [BindProperty(SupportsGet = true)] public string? Agenda { get; set; }
    [BindProperty(SupportsGet = true)] public string? Activity { get; set; }
    [BindProperty(SupportsGet = true)] public string? Date { get; set; }
    /// <summary>The form's one-time token: a form sent twice books once.</summary>
    [BindProperty] public string? RequestId { get; set; }

    [BindProperty] public string? Time { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Phone { get; set; }

    public IReadOnlyList<Slot>? Free { get; private set; }

    public string? Error { get; private set; }

    public StaffActions.CallerBooking? Made { get; private set; }

    public Agenda? ChosenAgenda => Office.FindAgenda(Agenda ?? "");

    private async Task LoadAsync()
    {
        ViewData["Title"] = T("Objednat volajícího", "Book a caller");
        var day = DateOr(Date, booking.Calendar.Today());
        Date = Iso(day);
        RequestId ??= Guid.NewGuid().ToString("N");
        if (ChosenAgenda is { } agenda && agenda.FindActivity(Activity ?? "") is { } activity)
        {
            Free = await booking.FreeSlotsAsync(agenda, day, activity.Id);
        }
    }

    /// <param name="activityChoice">The form's one list of agenda and activity, <c>OP|zadost</c>.</param>
    public Task OnGetAsync(string? activityChoice)
    {
        if (activityChoice?.Split('|') is [var agenda, var activity])
        {
            (Agenda, Activity) = (agenda, activity);
        }
        return LoadAsync();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        try
        {
            var time = TimeOf(Time) ?? throw new StaffRequestException("time: choose a time");
            var token = RequestId is { Length: 32 } t && t.All(char.IsAsciiHexDigit) ? $"console|{Who}|{t}" : null;
            Made = await actions.BookForCallerAsync(Agenda, Activity, DateOr(Date, booking.Calendar.Today()), time, Name, Phone, Who, token);
            Name = Phone = Time = RequestId = null;
        }
        catch (StaffRequestException e)
        {
            Error = e.Message;
        }
        await LoadAsync();
        return Page();
    }
}
