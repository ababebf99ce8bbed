using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The second step: the agenda's activities that can be booked (not those for walk-ins only).</summary>
public sealed class AgendaModel(BookingService booking, WebBookingAvailability availability) : WebPageModel(booking, availability)
{
    public override int Step => 2;

    public Agenda? Agenda { get; private set; }

    public IActionResult OnGet(string agenda)
    {
        Agenda = Office.FindAgenda(agenda);
        if (!Enabled)
        {
            return Redirect(Link(WebLinks.Root));
        }
        return Agenda is null || !Bookable(Agenda).Any() ? NotFound() : Page();
    }
}
