using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>Cancels one booking with a reason the citizen is told, and optionally the nearest free time held for them.</summary>
public sealed class CancelModel(OfficeSettings office, IBookingStore store, StaffActions actions, BookingService booking) : StaffPageModel(office)
{
    public Booking? Booking { get; private set; }

    [BindProperty]
    public string? Reason { get; set; }

    [BindProperty]
    public bool Offer { get; set; } = true;

    public string? Error { get; private set; }

    public NoticeResult? Result { get; private set; }

    private async Task LoadAsync(string? date, string? code)
    {
        ViewData["Title"] = T("Zrušit objednávku", "Cancel a booking");
        if (!string.IsNullOrWhiteSpace(code))
        {
            Booking = await store.GetBookingAsync(DateOr(date, booking.Calendar.Today()), BookingSecrets.NormalizeCode(code));
        }
    }

    public Task OnGetAsync(string? date, string? code) => LoadAsync(date, code);

    public async Task<IActionResult> OnPostAsync(string? date, string? code)
    {
        await LoadAsync(date, code);
        if (Booking is null)
        {
            return Page();
        }
        try
        {
            Result = await actions.CancelAsync(Booking.Date, Booking.Code, Reason ?? "", Offer, Who);
            if (Result is null)
            {
                Error = T("Objednávka už není aktivní.", "The booking is no longer booked.");
            }
            Booking = await store.GetBookingAsync(Booking.Date, Booking.Code);
        }
        catch (StaffRequestException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
