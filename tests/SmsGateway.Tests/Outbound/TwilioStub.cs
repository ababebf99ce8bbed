using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SmsBooking.SmsGateway.Tests.Outbound;

/// <summary>A local stand-in for Twilio's REST API whose answers a test scripts: 201 by default, or 429, 500, a hang,
/// a 400 with Twilio's error code.</summary>
public sealed class TwilioStub : IAsyncDisposable
{
    public sealed record Received(string Path, Dictionary<string, string> Form, string? Authorization);

    public sealed record Answer(int Status, string Body, TimeSpan Delay = default, string? RetryAfter = null);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Answer> _plan = new();
    private int _sid;

    private TwilioStub(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    public string Url { get; }

    public ConcurrentQueue<Received> Requests { get; } = new();

    public IReadOnlyList<Received> Messages => Requests.ToList();

    /// <summary>The requests answered with a 2xx in full: what Twilio would send. A request whose client gave up
    /// (a timeout) while the stub delayed its answer is in <see cref="Requests"/> but not here.</summary>
    public ConcurrentQueue<Received> Accepted { get; } = new();

    /// <summary>Answers to give, in order, before falling back to 201.</summary>
    public void Plan(params Answer[] answers)
    {
        foreach (var a in answers)
        {
            _plan.Enqueue(a);
        }
    }

    /// <summary>A 201 with a message resource, after <paramref name="delay"/>: Twilio accepting slowly.</summary>
    public static Answer Accept(TimeSpan delay) =>
        new(201, $$"""{"sid": "SM{{Guid.NewGuid():N}}", "status": "queued"}""", delay);

    public static Answer TwilioError(int code, string message, int status = 400) =>
        new(status, $$"""{"code": {{code}}, "message": "{{message}}", "more_info": "https://www.twilio.com/docs/errors/{{code}}", "status": {{status}}}""");

    public static async Task<TwilioStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        TwilioStub? stub = null;
        app.MapPost("/2010-04-01/Accounts/{account}/Messages.json", async (HttpContext http) =>
        {
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            var received = new Received(http.Request.Path, form, http.Request.Headers.Authorization.ToString());
            stub!.Requests.Enqueue(received);
            if (stub._plan.TryDequeue(out var answer))
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
                    stub.Accepted.Enqueue(received);
                }
                return Results.Content(answer.Body, "application/json", statusCode: answer.Status);
            }
            stub.Accepted.Enqueue(received);
            var sid = $"SM{Interlocked.Increment(ref stub._sid):D32}";
            return Results.Json(new { sid, status = "queued", to = form.GetValueOrDefault("To"), body = form.GetValueOrDefault("Body") }, statusCode: 201);
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new TwilioStub(app, url);
        return stub;
    }

    /// <summary>Waits until <paramref name="count"/> requests arrived (or the time is up) and returns them.</summary>
    public async Task<IReadOnlyList<Received>> WaitForAsync(int count, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        while (Requests.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }
        return Requests.ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
