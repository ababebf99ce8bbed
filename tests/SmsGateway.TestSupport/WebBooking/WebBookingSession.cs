using NodaTime;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>How a web booking test opens: a gateway with the web booking on (<see cref="WebBookingHost"/>), the
/// mailbox its e-mails reach, and a citizen's browser without JavaScript; all disposed together.</summary>
public sealed class WebBookingSession : IAsyncDisposable
{
    private WebBookingSession(GatewayHost gateway, WebMailbox mail, WebCitizen citizen)
    {
        Gateway = gateway;
        Mail = mail;
        Citizen = citizen;
    }

    public GatewayHost Gateway { get; }

    public WebMailbox Mail { get; }

    public WebCitizen Citizen { get; }

    /// <param name="settings">On top of the web booking's own (the SMS sender off, the test SMTP server).</param>
    /// <param name="forwardedFor">The citizen's own address, when the gateway sits behind the loopback proxy.</param>
    public static async Task<WebBookingSession> StartAsync(IDictionary<string, string?>? settings = null, Instant? now = null, string? forwardedFor = null)
    {
        var (gateway, mail) = await WebBookingHost.StartAsync(settings, now);
        return new WebBookingSession(gateway, mail, new WebCitizen(gateway.Address, forwardedFor));
    }

    public void Deconstruct(out GatewayHost gateway, out WebMailbox mail, out WebCitizen citizen) =>
        (gateway, mail, citizen) = (Gateway, Mail, Citizen);

    /// <summary>The citizen reserves (<see cref="WebBookingHost.ReserveAsync"/>) and gets the link of the e-mail that
    /// asks to confirm.</summary>
    public async Task<string> ReserveForConfirmLinkAsync(string email, string? mobile = null, string time = "08:00",
        string agenda = WebBookingHost.IdentityCards, string activity = WebBookingHost.Application)
    {
        await WebBookingHost.ReserveAsync(Citizen, email, mobile, time, agenda, activity);
        return await Mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit");
    }

    public async ValueTask DisposeAsync()
    {
        Citizen.Dispose();
        await Mail.DisposeAsync();
        await Gateway.DisposeAsync();
    }
}
