namespace SmsBooking.SmsGateway.Outbound;

/// <summary>The outermost handler of the Twilio HTTP client: the sender's stop cancels the whole hand-out, its retry
/// waits included (Twilio's library passes no cancellation of its own).</summary>
public sealed class HandOutScopeHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (HandOut.Current is not { } handOut)
        {
            return await base.SendAsync(request, cancellationToken);
        }
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, handOut.Stopping);
        return await base.SendAsync(request, linked.Token);
    }
}
