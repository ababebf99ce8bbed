using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.SmsGateway.Mail;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A gateway with the web booking on (a mail relay named) and a recording e-mail sender.</summary>
public static class WebBookingHost
{
    public static async Task<(GatewayHost Gateway, RecordingCitizenMail Mail)> StartAsync(IDictionary<string, string?>? settings = null, Instant? now = null)
    {
        var mail = new RecordingCitizenMail();
        var all = new Dictionary<string, string?>
        {
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:From"] = "objednavky@example.cz",
            ["Outbound:Enabled"] = "false",
        };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        var gateway = await GatewayHost.StartAsync(all, now, services: s => s.AddSingleton<ICitizenMail>(mail));
        return (gateway, mail);
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
