using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>A <see cref="SharedGateway"/> whose e-mails go to an SMTP server of the class's own (<see cref="Smtp"/>),
/// emptied with the gateway before each test.</summary>
public class SharedMailGateway : SharedGateway
{
    private TestSmtp? _smtp;

    public SharedMailGateway()
    {
    }

    /// <param name="settings">The class's settings on top of the SMTP server's.</param>
    protected SharedMailGateway(IDictionary<string, string?> settings)
        : base(settings)
    {
    }

    public TestSmtp Smtp => _smtp ?? throw new InvalidOperationException("not started");

    protected override async Task<IDictionary<string, string?>?> SettingsAsync()
    {
        _smtp = await TestSmtp.StartAsync();
        var all = new Dictionary<string, string?>(_smtp.GatewaySettings);
        foreach (var (key, value) in await base.SettingsAsync() ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        return all;
    }

    public override async Task<GatewayHost> FreshAsync()
    {
        var gateway = await base.FreshAsync();
        Smtp.Clear();
        return gateway;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}
