using System.Diagnostics;
using System.Net;
using System.Xml.Linq;
using SmsBooking.SmsSimulator;

namespace SmsBooking.Bench;

/// <summary>Phones that text a server as Twilio would: signed form posts, TwiML read back.</summary>
public sealed class Load : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _url;
    private long _phones;
    private readonly long _phoneBase;

    public Load(string baseUrl, int connections, long phoneBase)
    {
        _url = baseUrl.TrimEnd('/') + "/sms/inbound";
        _phoneBase = phoneBase;
        _http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>A new phone number, never used before in this run.</summary>
    public string NextPhone() => $"+4207{_phoneBase + Interlocked.Increment(ref _phones):00000000}";

    /// <summary>Sends one SMS and returns the reply text (empty for <c>&lt;Response/&gt;</c>); throws on anything but 200.</summary>
    public async Task<string> SendAsync(string phone, string body)
    {
        var form = new Dictionary<string, string>
        {
            ["ToCountry"] = "CZ",
            ["SmsMessageSid"] = "",
            ["NumMedia"] = "0",
            ["FromCountry"] = "CZ",
            ["Body"] = body,
            ["To"] = "+420736000000",
            ["From"] = phone,
            ["MessageSid"] = $"SM{Guid.NewGuid():N}",
            ["AccountSid"] = "AC" + new string('1', 32),
            ["ApiVersion"] = "2010-04-01",
            ["NumSegments"] = "1",
        };
        form["SmsMessageSid"] = form["MessageSid"];
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add("X-Twilio-Signature", TwilioSignature.Sign(Server.AuthToken, _url, form));
        using var response = await _http.SendAsync(request);
        var xml = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{(int)response.StatusCode} from {_url}: {xml}");
        }
        return XDocument.Parse(xml).Root!.Element("Message")?.Value ?? "";
    }

    /// <summary>The guided booking, greeting to PIN: seven steps.</summary>
    public static readonly string[] Conversation = ["Dobry den", "1", "1", "1", "1", "Jan Novak", "ANO"];

    /// <summary>Users that each walk conversation after conversation until the time is up (closed loop), or, with a
    /// rate, start their steps on a shared schedule (open loop: latency counts from the scheduled start, so a server
    /// that falls behind shows it).</summary>
    /// <param name="keep">Receives every step's latency, so that slices of a comparison can be pooled.</param>
    public async Task<PhaseResult> RunAsync(int users, TimeSpan duration, double? stepsPerSecond = null, List<double>? keep = null)
    {
        var latencies = new List<double>[users];
        var bookings = 0L;
        var errors = 0L;
        var clock = Stopwatch.StartNew();
        var end = duration.TotalSeconds;
        var interval = stepsPerSecond is { } rate ? 1.0 / rate : 0;
        long scheduled = 0;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            var mine = latencies[u] = new List<double>(4096);
            while (clock.Elapsed.TotalSeconds < end)
            {
                var phone = NextPhone();
                foreach (var body in Conversation)
                {
                    var start = clock.Elapsed.TotalSeconds;
                    if (interval > 0)
                    {
                        start = Interlocked.Increment(ref scheduled) * interval;
                        var wait = start - clock.Elapsed.TotalSeconds;
                        if (wait > 0)
                        {
                            await Task.Delay(TimeSpan.FromSeconds(wait));
                        }
                    }
                    if (start >= end)
                    {
                        return; // the schedule is over: this user stops
                    }
                    try
                    {
                        var reply = await SendAsync(phone, body);
                        if (reply.Contains("Kod: ", StringComparison.Ordinal))
                        {
                            Interlocked.Increment(ref bookings);
                        }
                    }
                    catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TaskCanceledException)
                    {
                        Interlocked.Increment(ref errors);
                    }
                    mine.Add((clock.Elapsed.TotalSeconds - start) * 1000);
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        keep?.AddRange(latencies.SelectMany(l => l));
        return new PhaseResult(
            Users: users,
            Steps: latencies.Sum(l => l.Count),
            Seconds: elapsed,
            Bookings: bookings,
            Errors: errors,
            Latency: Percentiles.Of(latencies.SelectMany(l => l)),
            AllocatedBytes: GC.GetTotalAllocatedBytes(precise: true) - allocated,
            CpuSeconds: (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    public void Dispose() => _http.Dispose();
}

public sealed record PhaseResult(int Users, long Steps, double Seconds, long Bookings, long Errors, Percentiles Latency,
    long AllocatedBytes, double CpuSeconds)
{
    /// <summary>Slices of one setting run apart in time, as one phase: counts and time added, latencies pooled.</summary>
    public static PhaseResult Pool(IReadOnlyList<PhaseResult> slices, IEnumerable<double> latencies) => new(
        slices[0].Users, slices.Sum(x => x.Steps), slices.Sum(x => x.Seconds), slices.Sum(x => x.Bookings), slices.Sum(x => x.Errors),
        Percentiles.Of(latencies), slices.Sum(x => x.AllocatedBytes), slices.Sum(x => x.CpuSeconds));

    public double StepsPerSecond => Steps / Seconds;
    public double AllocatedPerStep => Steps == 0 ? 0 : (double)AllocatedBytes / Steps;
    public double CpuMsPerStep => Steps == 0 ? 0 : CpuSeconds * 1000 / Steps;
}

public sealed record Percentiles(double P50, double P90, double P99, double Max)
{
    public static Percentiles Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, 0, 0, 0);
        }
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(At(0.50), At(0.90), At(0.99), sorted[^1]);
    }
}
