using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Twilio;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>The gateway's Twilio client outside a gateway: Twilio's library over the same HTTP pipeline
/// (<see cref="OutboundRegistration.AddTwilioSmsClient"/>), for tests that talk to a stand-in or Prism directly.</summary>
public static class TwilioClients
{
    public static ServiceProvider Create(TwilioOptions twilio, OutboundOptions? outbound = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Options.Create(twilio));
        services.AddSingleton(Options.Create(outbound ?? new OutboundOptions()));
        services.AddTwilioSmsClient();
        return services.BuildServiceProvider();
    }
}
