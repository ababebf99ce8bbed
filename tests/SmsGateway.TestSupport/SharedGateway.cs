using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>One gateway for a test class whose tests need no office of their own (<c>IClassFixture</c>): started once
/// with the class's settings (none: the defaults), and emptied before each test instead of a new host's start: its keys deleted from the
/// test Redis, its clock set back to Monday 2026-11-30 07:00 Prague and its cached free days dropped. A class's tests
/// run one after another, so none sees another's data.</summary>
public class SharedGateway : IAsyncLifetime
{
    private readonly IDictionary<string, string?>? _settings;
    private GatewayHost? _gateway;

    public SharedGateway()
    {
    }

    /// <param name="settings">The class's settings, for every one of its tests.</param>
    protected SharedGateway(IDictionary<string, string?> settings) => _settings = settings;

    public async Task InitializeAsync() => _gateway = await GatewayHost.StartAsync(await SettingsAsync());

    /// <summary>The settings the gateway starts with: the class's, or what a fixture starts first (an SMTP server).</summary>
    protected virtual Task<IDictionary<string, string?>?> SettingsAsync() => Task.FromResult(_settings);

    /// <summary>The class's gateway, as a freshly started one would be.</summary>
    public virtual async Task<GatewayHost> FreshAsync()
    {
        var gateway = _gateway ?? throw new InvalidOperationException("not started");
        await KeyPrefix.DeleteAsync(TestRedis.Multiplexer, gateway.KeyPrefix);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 0));
        var bookings = gateway.Services.GetRequiredService<BookingService>();
        foreach (var agenda in gateway.Services.GetRequiredService<OfficeSettings>().Agendas)
        {
            bookings.ForgetFreeDays(agenda);
        }
        return gateway;
    }

    public virtual async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
