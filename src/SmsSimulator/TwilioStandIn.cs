using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmsBooking.SmsSimulator;

/// <summary>A local stand-in for Twilio's REST Messages API: receives the gateway's outbound SMS and answers as
/// Twilio does (201 with a message resource).</summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<ReceivedSms> _received;

    private TwilioStandIn(WebApplication app, Channel<ReceivedSms> received, string url)
    {
        _app = app;
        _received = received;
        Url = url;
    }

    public string Url { get; }

    public ChannelReader<ReceivedSms> Received => _received.Reader;

    public static async Task<TwilioStandIn> StartAsync(string listen)
    {
        var received = Channel.CreateUnbounded<ReceivedSms>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen);
        var app = builder.Build();
        var counter = 0;
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (string accountSid, HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            var to = form["To"].ToString();
            var body = form["Body"].ToString();
            if (to.Length == 0 || body.Length == 0)
            {
                return Results.Json(new { code = 21604, message = "A 'To' phone number and a 'Body' are required.", status = 400 }, statusCode: 400);
            }
            await received.Writer.WriteAsync(new ReceivedSms(to, body, Outbound: true));
            var sid = $"SM{Interlocked.Increment(ref counter):D32}";
            return Results.Json(new { sid, account_sid = accountSid, to, from = form["From"].ToString(), body, status = "queued", num_segments = "1" }, statusCode: 201);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TwilioStandIn(app, received, url);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
