using NodaTime;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>How a web booking test opens: a gateway with the web booking on (<see cref="WebBookingHost"/>), the
/// mailbox its e-mails reach, and a citizen's browser without JavaScript; all disposed together, or, on a class's
/// shared gateway (<see cref="OnAsync"/>), the citizen alone.</summary>
public sealed class WebBookingSession : IAsyncDisposable
{
    /// <summary>Whether the gateway and the mailbox are the session's own, to be disposed with it.</summary>
    private readonly bool _owned;

    private WebBookingSession(GatewayHost gateway, WebMailbox mail, WebCitizen citizen, bool owned)
    {
        Gateway = gateway;
        Mail = mail;
        Citizen = citizen;
        _owned = owned;
    }

    public GatewayHost Gateway { get; }

    public WebMailbox Mail { get; }

    public WebCitizen Citizen { get; }

    /// <param name="settings">On top of the web booking's own (the SMS sender off, the test SMTP server).</param>
    /// <param name="forwardedFor">The citizen's own address, when the gateway sits behind the loopback proxy.</param>
    public static async Task<WebBookingSession> StartAsync(IDictionary<string, string?>? settings = null, Instant? now = null, string? forwardedFor = null)
    {
        var (gateway, mail) = await WebBookingHost.StartAsync(settings, now);
        return new WebBookingSession(gateway, mail, new WebCitizen(gateway.Address, forwardedFor), owned: true);
    }

    /// <summary>A test on the class's shared gateway, emptied for it (<see cref="SharedGateway.FreshAsync"/>: the clock
    /// on Monday 2026-11-30 07:00), its citizen connecting from a loopback address of the test's own. The mailbox is the class's SMTP
    /// server, emptied too; read it by the test's own recipient, as <see cref="WebMailbox"/> does.</summary>
    public static async Task<WebBookingSession> OnAsync(SharedWebBookingGateway shared)
    {
        var gateway = await shared.FreshAsync();
        return new WebBookingSession(gateway, new WebMailbox(shared.Smtp), new WebCitizen(gateway.Address, source: shared.NextSource()), owned: false);
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
        if (_owned)
        {
            await Mail.DisposeAsync();
            await Gateway.DisposeAsync();
        }
    }
}
