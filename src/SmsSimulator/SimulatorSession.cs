using System.Threading.Channels;
using NodaTime;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsSimulator;

/// <summary>One simulated phone (switchable) against one gateway, with everything it receives in one inbox: TwiML
/// replies and outbound SMS caught by the REST stand-in, in arrival order.</summary>
public sealed class SimulatorSession
{
    private readonly GatewayClient _client;
    private readonly Channel<ReceivedSms> _inbox = Channel.CreateUnbounded<ReceivedSms>();
    private readonly SimulatorClock? _clock;
    private readonly DateTimeZone _zone;
    private readonly string _kioskKey;

    public SimulatorSession(GatewayClient client, string phone, SimulatorClock? clock, DateTimeZone zone, string kioskKey)
    {
        _client = client;
        Phone = phone;
        _clock = clock;
        _zone = zone;
        _kioskKey = kioskKey;
    }

    public string Phone { get; set; }

    public ChannelReader<ReceivedSms> Inbox => _inbox.Reader;

    public bool CanMoveClock => _clock is not null;

    /// <summary>Forwards what the REST stand-in receives into the inbox.</summary>
    public async Task PumpAsync(ChannelReader<ReceivedSms> outbound, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var sms in outbound.ReadAllAsync(cancellationToken))
            {
                await _inbox.Writer.WriteAsync(sms, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    /// <summary>Sends an SMS from <paramref name="from"/> (default: the current phone) and puts the reply in the inbox.</summary>
    public async Task SendAsync(string text, string? from = null)
    {
        var phone = from ?? Phone;
        var reply = await _client.SendAsync(phone, text);
        await _inbox.Writer.WriteAsync(new ReceivedSms(phone, reply ?? "", Outbound: false));
    }

    public Task<string> CheckInAsync(string pin) => _client.CheckInAsync(pin, _kioskKey);

    public string Now()
    {
        var now = (_clock ?? (IClock)SystemClock.Instance).GetCurrentInstant().InZone(_zone);
        return now.ToString("yyyy-MM-dd HH:mm:ss o<g>", null);
    }

    public void Advance(Duration by)
    {
        if (_clock is null)
        {
            throw new SimulatorException("The clock can only be moved for an in-process gateway (run without --url).");
        }
        _clock.Advance(by);
    }

    /// <summary>How a received SMS is shown: who it came to, how it travels, and its text.</summary>
    public static string Describe(ReceivedSms sms)
    {
        if (!sms.Outbound && sms.Body.Length == 0)
        {
            return "< (no reply)";
        }
        var size = SmsEncoding.Measure(sms.Body);
        var kind = sms.Outbound ? $"outbound SMS to {sms.To}" : "reply";
        var header = $"< [{kind}, {size.EncodingName}, {size.Segments} segment{(size.Segments == 1 ? "" : "s")}]";
        return header + "\n" + string.Join("\n", sms.Body.Split('\n').Select(l => "  " + l));
    }

    /// <summary>Parses <c>16m</c>, <c>2h</c>, <c>1d</c>, <c>90s</c> or <c>00:16:00</c>.</summary>
    public static bool TryParseDuration(string text, out Duration duration)
    {
        duration = Duration.Zero;
        text = text.Trim();
        if (TimeSpan.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var span) && text.Contains(':'))
        {
            duration = Duration.FromTimeSpan(span);
            return span > TimeSpan.Zero;
        }
        if (text.Length < 2 || !int.TryParse(text[..^1], out var n) || n <= 0)
        {
            return false;
        }
        duration = text[^1] switch
        {
            's' => Duration.FromSeconds(n),
            'm' => Duration.FromMinutes(n),
            'h' => Duration.FromHours(n),
            'd' => Duration.FromDays(n),
            _ => Duration.Zero,
        };
        return duration > Duration.Zero;
    }
}
