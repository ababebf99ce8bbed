using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The PIN e-mail's move link: the GET shows the booking and leads to the day and time lists (carrying the
/// token as <c>?presun=</c>); with <c>?date=&amp;time=</c> it asks with a button, whose POST moves (a new PIN, by e-mail
/// and SMS as after the confirmation).</summary>
public sealed class MoveModel(BookingService booking, WebBookingAvailability availability, WebBookingChanges changes) : WebPageModel(booking, availability)
{
    public WebReservation? Reservation { get; private set; }

    public Booking? Active { get; private set; }

    public Booking? Moved { get; private set; }

    public (LocalDate Date, LocalTime Time)? Target { get; private set; }

    private string _token = "";

    public string ChooseLink => WebLinks.Path($"{WebLinks.Root}/{Uri.EscapeDataString(Active!.AgendaId)}/{Uri.EscapeDataString(Active.ActivityId)}", Language,
        $"presun={_token}");

    public async Task<IActionResult> OnGetAsync(string token, string? date, string? time)
    {
        _token = token;
        (Reservation, Active) = await changes.ActiveAsync(token);
        if (Reservation is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        if (ParseDate(date) is { } d && ParseTime(time) is { } t)
        {
            Target = (d, t);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, string? date, string? time)
    {
        _token = token;
        if (ParseDate(date) is not { } d || ParseTime(time) is not { } t)
        {
            return BadRequest();
        }
        var result = await changes.MoveAsync(token, d, t);
        Reservation = result.Reservation;
        if (result.Outcome == WebOutcome.Done)
        {
            Moved = result.Booking;
            return Page();
        }
        (_, Active) = await changes.ActiveAsync(token);
        Problem = result.Outcome == WebOutcome.UnknownLink ? null : WebMessages.Of(T, result.Outcome, Booking.Options);
        Response.StatusCode = result.Outcome == WebOutcome.UnknownLink ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict;
        return Page();
    }
}
