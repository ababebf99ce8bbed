using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The PIN e-mail's cancel link: the GET shows the booking and a button, the POST cancels (the slot is offered
/// again after <c>Booking:CancelReleaseDelay</c>) and e-mails that it did.</summary>
public sealed class CancelModel(BookingService booking, WebBookingAvailability availability, WebBookingChanges changes) : WebPageModel(booking, availability)
{
    public WebReservation? Reservation { get; private set; }

    public Booking? Active { get; private set; }

    public Booking? Cancelled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        (Reservation, Active) = await changes.ActiveAsync(token);
        if (Reservation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        var result = await changes.CancelAsync(token);
        Reservation = result.Reservation;
        Cancelled = result.Outcome == WebOutcome.Done ? result.Booking : null;
        Response.StatusCode = result.Outcome switch
        {
            WebOutcome.UnknownLink => StatusCodes.Status404NotFound,
            WebOutcome.NotActive => StatusCodes.Status409Conflict,
            _ => StatusCodes.Status200OK,
        };
        return Page();
    }
}
