using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>Finds bookings by code, the last digits of a phone, or a name.</summary>
public sealed class SearchModel(OfficeSettings office, StaffQueries queries) : StaffPageModel(office)
{
    public string? Query { get; private set; }

    public IReadOnlyList<Booking>? Results { get; private set; }

    public async Task OnGetAsync(string? q)
    {
        ViewData["Title"] = T("Hledat objednávku", "Find a booking");
        Query = q;
        if (!string.IsNullOrWhiteSpace(q))
        {
            Results = await queries.SearchAsync(q);
        }
    }
}
