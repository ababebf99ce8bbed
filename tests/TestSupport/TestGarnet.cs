using SmsBooking.BookingCore.Store.Embedded;
using StackExchange.Redis;

namespace SmsBooking.TestSupport;

/// <summary>The embedded default's server, started once for the test run by the production class
/// (<see cref="EmbeddedGarnet"/>), so that the contract suites run on exactly what a gateway without Redis runs on.</summary>
public static class TestGarnet
{
    private static readonly Lazy<EmbeddedGarnet> Server = new(() => EmbeddedGarnet.Start());
    private static readonly Lazy<ConnectionMultiplexer> Shared = new(() => ConnectionMultiplexer.Connect(Configuration));

    /// <summary><c>host:port</c> of the test Garnet.</summary>
    public static string Configuration => Server.Value.Configuration;

    public static IConnectionMultiplexer Multiplexer => Shared.Value;
}
