using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The last step in the browser: what was reserved, the identification code and the deadline, and where the
/// e-mail went. Its token only shows (it cannot confirm: only the e-mailed link's page can).</summary>
public sealed class SummaryModel(BookingService booking, WebBookingAvailability availability, WebBookingFlow flow) : WebPageModel(booking, availability)
{
    public override int Step => 6;

    public WebReservation? Reservation { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Reservation = await flow.FindAsync(token, WebTokenRole.View);
        if (Reservation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
