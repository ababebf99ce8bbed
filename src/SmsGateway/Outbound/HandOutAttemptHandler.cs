namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Runs inside the retry of the Twilio HTTP client, once per attempt: waits for a send token and renews the
/// sender's hold on the message (<see cref="HandOut.BeforeAttemptAsync"/>).</summary>
public sealed class HandOutAttemptHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (HandOut.Current is { } handOut)
        {
            await handOut.BeforeAttemptAsync(cancellationToken);
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
