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

    /// <summary>The agenda and activity a reservation takes unless a test names others.</summary>
    public const string IdentityCards = "Občanské průkazy", Application = "Podání žádosti";

    public static async Task<(GatewayHost Gateway, WebMailbox Mail)> StartAsync(IDictionary<string, string?>? settings = null, Instant? now = null)
    {
        var smtp = await TestSmtp.StartAsync();
        var all = new Dictionary<string, string?>(smtp.GatewaySettings);
        foreach (var (k, v) in Settings(settings))
        {
            all[k] = v;
        }
        return (await GatewayHost.StartAsync(all, now), new WebMailbox(smtp));
    }

    /// <summary>The web booking's settings on top of the SMTP server's: the SMS sender off, then <paramref name="settings"/>.</summary>
    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? settings = null)
    {
        var all = new Dictionary<string, string?> { ["Outbound:Enabled"] = "false" };
        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }
        return all;
    }

    public static Dictionary<string, string> Person(string email, string? mobile = null) => new()
    {
        ["FirstName"] = "Jana",
        ["Surname"] = "Nováková",
        ["Email"] = email,
        ["Mobile"] = mobile ?? "",
        ["Website"] = "",
    };

    /// <summary>From /objednat through the steps to the summary: identity cards (or another agenda), its first activity,
    /// Tuesday 1.12., 08:00.</summary>
    public static async Task<string> ReserveAsync(WebCitizen citizen, string email, string? mobile = null, string time = "08:00",
        string agenda = IdentityCards, string activity = Application)
    {
        var html = await citizen.GetAsync("/objednat");
        html = await citizen.GetAsync(WebCitizen.Link(html, agenda));
        html = await citizen.GetAsync(WebCitizen.Link(html, activity));
        html = await citizen.GetAsync(WebCitizen.Link(html, "Další měsíc")); // the clock is on 30 November
        html = await citizen.GetAsync(WebCitizen.Link(html, "úterý 1. prosince 2026"));
        var details = WebCitizen.Link(html, time);
        await citizen.GetAsync(details);
        return await citizen.PostAsync(details, Person(email, mobile));
    }
}
