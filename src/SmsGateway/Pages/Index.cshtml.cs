using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Pages;

/// <summary>The citizens' page at <c>/</c>: how to book by SMS at this office, in Czech or English (<c>?lang=en</c>),
/// written from the office's configuration so that it never disagrees with what the SMS line does.</summary>
public sealed class IndexModel(OfficeSettings office, BookingOptions booking, IOptions<TwilioOptions> twilio) : PageModel
{
    public OfficeSettings Office => office;

    public Language Language { get; private set; } = Language.Cs;

    /// <summary>The number citizens text, as the office's sender shows it; empty with a messaging service only.</summary>
    public string Number => twilio.Value.From;

    public int HoldMinutes => (int)booking.HoldDuration.TotalMinutes;

    public int CheckInBefore => (int)booking.CheckInBefore.TotalMinutes;

    public int CheckInAfter => (int)booking.CheckInAfter.TotalMinutes;

    public bool English => Language == Language.En;

    public void OnGet(string? lang)
    {
        Language = string.Equals(lang, "en", StringComparison.OrdinalIgnoreCase) ? Language.En : Language.Cs;
        ViewData["Lang"] = English ? "en" : "cs";
        ViewData["Title"] = English ? "Booking by SMS" : "Objednání přes SMS";
    }

    /// <summary>"Po 08:00–17:00" lines, Monday first; closed days left out.</summary>
    public IEnumerable<(string Day, string Hours)> OpeningHours()
    {
        string[] cs = ["", "Pondělí", "Úterý", "Středa", "Čtvrtek", "Pátek", "Sobota", "Neděle"];
        string[] en = ["", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
        foreach (var day in Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None))
        {
            if (office.Hours.TryGetValue(day, out var hours))
            {
                yield return ((English ? en : cs)[(int)day], $"{hours.Open:HH:mm}–{hours.Close:HH:mm}");
            }
        }
    }
}
