using NodaTime.Testing;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>A gateway a test talks to, with or without a host: the real host over HTTP (<see cref="GatewayHost"/>) or
/// the conversation harness (<see cref="Fast.ConversationHarness"/>). Helpers that only send texts and read the
/// services take this, so that a test can run on either.</summary>
public interface ITestGateway
{
    IServiceProvider Services { get; }

    FakeClock Clock { get; }

    /// <summary>A citizen's phone talking to this gateway.</summary>
    CitizenPhone PhoneOf(string number);
}
