using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>"Document ready": the citizen, named by the application's code or by phone, is invited by SMS to book the pickup.</summary>
public sealed class ReadyModel(OfficeSettings office, StaffActions actions) : StaffPageModel(office)
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Agenda { get; set; }
    [BindProperty] public bool Offer { get; set; } = true;

    public string? Error { get; private set; }

    public ReadyResult? Result { get; private set; }

    public void OnGet() => ViewData["Title"] = T("Doklad připraven", "Document ready");

    public async Task<IActionResult> OnPostAsync()
    {
        ViewData["Title"] = T("Doklad připraven", "Document ready");
        try
        {
            Result = await actions.ReadyAsync(Code, Phone, Name, Agenda, Offer, Who);
        }
        catch (StaffRequestException e)
        {
            Error = e.Message;
        }
        return Page();
    }
}
