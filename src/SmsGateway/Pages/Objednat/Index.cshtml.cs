using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The first step of the web booking (<c>/objednat</c>): the agendas that have an activity to book; or, with
/// the web booking off (no <c>Email:Smtp:Host</c>), a sentence saying so and the way to book by SMS.</summary>
public sealed class IndexModel(BookingService booking, WebBookingAvailability availability) : WebPageModel(booking, availability)
{
    public override int Step => 1;

    public int HoldMinutes => (int)Booking.Options.HoldDuration.TotalMinutes;

    public IEnumerable<Agenda> Agendas => Office.Agendas.Where(a => Bookable(a).Any());

    public void OnGet()
    {
    }
}
