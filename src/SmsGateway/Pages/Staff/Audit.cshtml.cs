using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The latest staff actions: who, what, when.</summary>
public sealed class AuditModel(OfficeSettings office, StaffQueries queries, SignInFailureDigest signInFailures) : StaffPageModel(office)
{
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        ViewData["Title"] = T("Záznam akcí", "Audit log");
        await signInFailures.WriteDueAsync(); // every minute of failed sign-ins that has ended, so the log read is complete
        Entries = await queries.AuditAsync(200);
    }

    public string At(AuditEntry e) => e.At.InZone(Office.Zone).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
