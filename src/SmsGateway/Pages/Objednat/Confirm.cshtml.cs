using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The page the ConfirmLink e-mail opens: its GET only shows the reservation and a button (mail scanners open
/// every link they see), the button's POST confirms. After the deadline it says the reservation lapsed and offers to
/// book again; a second confirm says it is confirmed already.</summary>
public sealed class ConfirmModel(BookingService booking, WebBookingAvailability availability, WebBookingFlow flow) : WebPageModel(booking, availability)
{
    public WebReservation? Reservation { get; private set; }

    public WebResult? Result { get; private set; }

    /// <summary>The reservation ran out unconfirmed.</summary>
    public bool Lapsed { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token)
    {
        Reservation = await flow.FindAsync(token, WebTokenRole.Confirm);
        if (Reservation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        else if (Reservation.Confirmed)
        {
            Result = new WebResult(WebOutcome.AlreadyConfirmed, Reservation, await flow.CurrentAsync(Reservation));
        }
        else if (Reservation.Refusal is { } refused)
        {
            Refuse(refused); // its confirmation was refused: the link, opened again, gives the same reason
        }
        else
        {
            Lapsed = !Reservation.Hold.IsLiveAt(Booking.Calendar.Now().ToInstant());
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token)
    {
        Result = await flow.ConfirmAsync(token);
        Reservation = Result.Reservation;
        switch (Result.Outcome)
        {
            case WebOutcome.UnknownLink:
                Response.StatusCode = StatusCodes.Status404NotFound;
                break;
            case WebOutcome.Lapsed:
                Lapsed = true;
                Response.StatusCode = StatusCodes.Status410Gone;
                break;
            case WebOutcome.Done or WebOutcome.AlreadyConfirmed:
                break;
            default:
                Refuse(Result.Outcome);
                break;
        }
        return Page();
    }

    /// <summary>Why the confirmation was refused, said on the page; the reservation is over (no button).</summary>
    public bool Refused { get; private set; }

    private void Refuse(WebOutcome why)
    {
        Refused = true;
        Problem = WebMessages.Of(T, why, Booking.Options);
        Response.StatusCode = StatusCodes.Status409Conflict;
    }
}
