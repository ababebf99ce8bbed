using NodaTime;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A gateway with the web booking on: its e-mails go through MailKit to an SMTP server in the test process.</summary>
public static class WebBookingHost
{
    /// <summary>The subjects of the Czech e-mails (<c>Texts/MailCzech.resx</c>).</summary>
    public const string ConfirmSubject = "Potvrďte rezervaci";
    public const string PinSubject = "je potvrzena";
    public const string MovedSubject = "je přesunuta";
    public const string CancelledSubject = "je zrušena";
    public const string LapsedSubject = "propadla";

    public static async Task<(GatewayHost Gateway, WebMailbox Mail)> StartAsync(IDictionary<string, string?>? settings = null, Instant? now = null)
    {
        var smtp = await TestSmtp.StartAsync();
        var all = new Dictionary<string, string?>(smtp.GatewaySettings) { ["Outbound:Enabled"] = "false" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        return (await GatewayHost.StartAsync(all, now), new WebMailbox(smtp));
    }

    public static Dictionary<string, string> Person(string email, string? mobile = null) => new()
    {
        ["FirstName"] = "Jana",
        ["Surname"] = "Nováková",
        ["Email"] = email,
        ["Mobile"] = mobile ?? "",
        ["Website"] = "",
    };
}
