using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmsBooking.SmsSimulator;

/// <summary>A local stand-in for Twilio's REST Messages API: receives the gateway's outbound SMS and answers as Twilio
/// does (201 with a message resource). The one fake of Twilio's REST API: the simulator prints what arrives, and the
/// tests script its answers (<see cref="Plan"/>: a 429 with <c>Retry-After</c>, a 500, a slow answer, Twilio's error
/// codes) and read what it received.</summary>
public sealed class TwilioStandIn : IAsyncDisposable
{
    /// <summary>One POST as it arrived: its path, its form and its <c>Authorization</c> header.</summary>
    public sealed record ApiRequest(string Path, Dictionary<string, string> Form, string? Authorization);

    /// <summary>A scripted answer: status, JSON body, a delay before answering, a <c>Retry-After</c> header.</summary>
    public sealed record Answer(int Status, string Body, TimeSpan Delay = default, string? RetryAfter = null);

    private readonly WebApplication _app;
    private readonly Channel<ReceivedSms> _received;
    private readonly ConcurrentQueue<Answer> _plan = new();
    private readonly ConcurrentDictionary<string, Answer> _byRecipient = new();
    private int _sid;

    private TwilioStandIn(WebApplication app, Channel<ReceivedSms> received, string url)
    {
        _app = app;
        _received = received;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The outbound SMS Twilio took, as the simulated phone receives them.</summary>
    public ChannelReader<ReceivedSms> Received => _received.Reader;

    /// <summary>Every POST, whatever it was answered.</summary>
    public ConcurrentQueue<ApiRequest> Requests { get; } = new();

    /// <summary>The POSTs answered with a 2xx in full: what Twilio would send. A POST whose client gave up (a timeout)
    /// while its answer was delayed is in <see cref="Requests"/> but not here.</summary>
    public ConcurrentQueue<ApiRequest> Accepted { get; } = new();

    /// <summary>Answers to give, in order, before falling back to 201.</summary>
    public void Plan(params Answer[] answers)
    {
        foreach (var a in answers)
        {
            _plan.Enqueue(a);
        }
    }

    /// <summary>Answers every POST to <paramref name="to"/> with <paramref name="answer"/>, before the plan: Twilio
    /// refusing one message (say 21266, To equals From) while it takes every other.</summary>
    public void AnswerFor(string to, Answer answer) => _byRecipient[to] = answer;

    /// <summary>A 201 with a message resource, after <paramref name="delay"/>: Twilio accepting slowly.</summary>
    public static Answer Accept(TimeSpan delay) =>
        new(201, $$"""{"sid": "SM{{Guid.NewGuid():N}}", "status": "queued"}""", delay);

    /// <summary>Twilio's error body for <paramref name="code"/> (https://www.twilio.com/docs/api/errors).</summary>
    public static Answer TwilioError(int code, string message, int status = 400) =>
        new(status, $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{status}}}""");

    public static async Task<TwilioStandIn> StartAsync(string listen = "http://127.0.0.1:0")
    {
        var received = Channel.CreateUnbounded<ReceivedSms>();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(listen);
        var app = builder.Build();
        TwilioStandIn? standIn = null;
        app.MapPost("/2010-04-01/Accounts/{accountSid}/Messages.json", async (string accountSid, HttpContext http) =>
        {
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            var request = new ApiRequest(http.Request.Path, form, http.Request.Headers.Authorization.ToString());
            standIn!.Requests.Enqueue(request);
            var to = form.GetValueOrDefault("To") ?? "";
            var body = form.GetValueOrDefault("Body") ?? "";
            if (standIn._byRecipient.TryGetValue(to, out var answer) || standIn._plan.TryDequeue(out answer))
            {
                if (answer.Delay > TimeSpan.Zero)
                {
                    await Task.Delay(answer.Delay, http.RequestAborted);
                }
                if (answer.RetryAfter is not null)
                {
                    http.Response.Headers.RetryAfter = answer.RetryAfter;
                }
                if (answer.Status is >= 200 and < 300)
                {
                    await standIn.AcceptAsync(request, to, body);
                }
                return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
            }
            if (to.Length == 0 || body.Length == 0)
            {
                return Results.Json(new { code = 21604, message = "A 'To' phone number and a 'Body' are required.", status = 400 }, statusCode: 400);
            }
            await standIn.AcceptAsync(request, to, body);
            var sid = $"SM{Interlocked.Increment(ref standIn._sid):D32}";
            return Results.Json(new { sid, account_sid = accountSid, to, from = form.GetValueOrDefault("From"), body, status = "queued", num_segments = "1" }, statusCode: 201);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn = new TwilioStandIn(app, received, url);
        return standIn;
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived (or the time is up) and returns them.</summary>
    public async Task<IReadOnlyList<ApiRequest>> WaitForAsync(int count, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (Requests.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        return Requests.ToList();
    }

    private async Task AcceptAsync(ApiRequest request, string to, string body)
    {
        Accepted.Enqueue(request);
        await _received.Writer.WriteAsync(new ReceivedSms(to, body, Outbound: true));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
