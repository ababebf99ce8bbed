using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The fourth step: the free times of the day, as links to the form (or, with <c>?presun=</c>, to the move's
/// page with its button): with <c>?osob=</c>, only the starts where the whole party fits.</summary>
public sealed class TimesModel(BookingService booking, WebBookingAvailability availability, WebBookingChanges changes)
    : ActivityPageModel(booking, availability, changes)
{
    public override int Step => 4;

    public LocalDate Date { get; private set; }

    public IReadOnlyList<LocalTime> Times { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string agenda, string activity, string date, string? presun, string? osob)
    {
        if (ParseDate(date) is not { } day)
        {
            return NotFound();
        }
        if (await SetUpAsync(agenda, activity, presun, osob) is { } answer)
        {
            return answer;
        }
        Date = day;
        Times = (await Booking.FreeSlotsAsync(Agenda!, Date, ActivityId, Party)).Select(s => s.Start).ToList();
        return Page();
    }

    public string TimeLink(LocalTime time) => Presun is null
        ? Link($"{ActivityPath}/{Iso(Date)}/{TimeSegment(time)}", Carry())
        : WebLinks.Path($"{WebLinks.Root}/presunout/{Presun}", Language, $"date={Iso(Date)}&time={TimeSegment(time)}");

    public string DaysLink => Link(ActivityPath, Carry(("month", $"{Date.Year:0000}-{Date.Month:00}")));
}
