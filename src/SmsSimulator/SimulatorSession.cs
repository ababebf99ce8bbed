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
    private readonly string _staffKey;
    private readonly string _counterKey;

    public SimulatorSession(GatewayClient client, string phone, SimulatorClock? clock, DateTimeZone zone, string kioskKey, string staffKey = "",
        string counterKey = "")
    {
        _counterKey = counterKey;
        _client = client;
        Phone = phone;
        _clock = clock;
        _zone = zone;
        _kioskKey = kioskKey;
        _staffKey = staffKey;
    }

    public string Phone { get; set; }

    /// <summary>Said after the gateway's "too many messages" notice (<see cref="RehearsalLine.LimitNote"/>).</summary>
    public string? LimitNote { get; init; }

    /// <summary>The notice a phone gets when it passes the per-phone limit, as the gateway sends it.</summary>
    public string LimitNotice { get; init; } = "";

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

    /// <summary>A counter calls the next ticket (the clerk's Další); what the queue answered, in one line. The SMS the
    /// call sends ("called", "your turn soon") arrive in the inbox like any other.</summary>
    public async Task<string> NextAsync(string counter)
    {
        if (_counterKey.Length == 0)
        {
            throw new SimulatorException("/next needs a counter key: run without --url, or give --counter-key.");
        }
        var (status, body) = await _client.StaffAsync(HttpMethod.Post, "/api/queue/next", new Dictionary<string, string> { ["counter"] = counter }, _counterKey);
        return status switch
        {
            200 => $"counter {body.GetProperty("counter").GetString()} calls {body.GetProperty("ticket").GetString()}",
            204 => $"counter {counter}: nobody waits",
            _ => $"{status} {Message(body)}",
        };
    }

    /// <summary>The staff closing a whole day (every agenda, every counter) with a reason, offering each citizen the
    /// nearest free time; what the office's answer says, in one line.</summary>
    public async Task<string> CloseAsync(LocalDate date, string reason)
    {
        var (status, body) = await StaffAsync(HttpMethod.Post, "/api/staff/closures",
            new Dictionary<string, object> { ["date"] = NodaTime.Text.LocalDatePattern.Iso.Format(date), ["reason"] = reason, ["offer"] = true });
        if (status != 201)
        {
            return $"{status} {Message(body)}";
        }
        var closure = body.GetProperty("closure");
        var notTold = closure.GetProperty("notTold").EnumerateArray().Select(c => c.GetString()).ToList();
        return $"closed {closure.GetProperty("date").GetString()} (closure {closure.GetProperty("id").GetString()}): {closure.GetProperty("cancelled").GetInt32()} cancelled" +
            (notTold.Count == 0 ? ", every citizen told" : $", not told: {string.Join(", ", notTold)}");
    }

    /// <summary>The staff marking a document ready: by the application's booking code, or by phone, agenda and name.</summary>
    public async Task<string> ReadyAsync(string code, string? phone = null, string? agenda = null, string? name = null)
    {
        var request = phone is null
            ? new Dictionary<string, object?> { ["code"] = code, ["offer"] = true }
            : new Dictionary<string, object?> { ["phone"] = phone, ["agenda"] = agenda, ["name"] = name, ["offer"] = true };
        var (status, body) = await StaffAsync(HttpMethod.Post, "/api/staff/ready", request);
        return status != 200
            ? $"{status} {Message(body)}"
            : $"ready notice to {body.GetProperty("phone").GetString()} ({body.GetProperty("agenda").GetString()}): {body.GetProperty("told").GetString()}" +
              (body.GetProperty("offeredDate").GetString() is { } d ? $" {d} {body.GetProperty("offeredTime").GetString()}" : "");
    }

    /// <summary>The staff cancelling one booking with a reason (and an offer of the nearest free time).</summary>
    public async Task<string> CancelAsync(LocalDate date, string code, string reason)
    {
        var (status, body) = await StaffAsync(HttpMethod.Post, $"/api/staff/bookings/{NodaTime.Text.LocalDatePattern.Iso.Format(date)}/{Uri.EscapeDataString(code)}/cancel",
            new Dictionary<string, object> { ["reason"] = reason, ["offer"] = true });
        return status != 200 ? $"{status} {Message(body)}" : $"cancelled {code}: {body.GetProperty("told").GetString()}";
    }

    private Task<(int Status, System.Text.Json.JsonElement Body)> StaffAsync(HttpMethod method, string path, object body)
    {
        if (_staffKey.Length == 0)
        {
            throw new SimulatorException("The staff commands need a staff key: run without --url, or give --staff-key.");
        }
        return _client.StaffAsync(method, path, body, _staffKey);
    }

    private static string Message(System.Text.Json.JsonElement body) =>
        body.ValueKind == System.Text.Json.JsonValueKind.Object && body.TryGetProperty("message", out var m) ? m.GetString() ?? "" : body.ToString();

    /// <summary>A day as the staff type it: <c>2026-12-01</c>, <c>1.12.2026</c> or <c>1.12.</c> (this year, or the next
    /// when that day has passed).</summary>
    public bool TryParseDate(string text, out LocalDate date)
    {
        date = default;
        var iso = NodaTime.Text.LocalDatePattern.Iso.Parse(text);
        if (iso.Success)
        {
            date = iso.Value;
            return true;
        }
        var parts = text.Split('.', StringSplitOptions.TrimEntries);
        if (parts.Length is < 2 or > 3 || !int.TryParse(parts[0], out var day) || !int.TryParse(parts[1], out var month) || month is < 1 or > 12)
        {
            return false;
        }
        var today = (_clock ?? (IClock)SystemClock.Instance).GetCurrentInstant().InZone(_zone).Date;
        var year = parts.Length == 3 && parts[2].Length > 0 ? (int.TryParse(parts[2], out var y) ? y : -1) : today.Year;
        if (year < 1 || day < 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
        {
            return false;
        }
        date = new LocalDate(year, month, day);
        if ((parts.Length == 2 || parts[2].Length == 0) && date < today)
        {
            date = date.PlusYears(1);
        }
        return true;
    }

    public string Now()
    {
        var now = (_clock ?? (IClock)SystemClock.Instance).GetCurrentInstant().InZone(_zone);
        return now.ToString("yyyy-MM-dd HH:mm:ss o<g>", null);
    }

    /// <summary>Moves the in-process gateway's clock forward to <paramref name="at"/> in the office's zone.</summary>
    public void AdvanceTo(LocalDateTime at)
    {
        var now = (_clock ?? (IClock)SystemClock.Instance).GetCurrentInstant();
        var target = at.InZoneLeniently(_zone).ToInstant();
        if (target <= now)
        {
            throw new SimulatorException($"/at {at:yyyy-MM-dd HH:mm} has passed on the gateway's clock ({Now()}): the clock only moves forward.");
        }
        Advance(target - now);
    }

    public void Advance(Duration by)
    {
        if (_clock is null)
        {
            throw new SimulatorException("The clock can only be moved for an in-process gateway (run without --url).");
        }
        _clock.Advance(by);
    }

    /// <summary>How a received SMS is shown: who it came to, how it travels, and its text; after the per-phone limit's
    /// notice, why the line limits.</summary>
    public string Describe(ReceivedSms sms)
    {
        if (!sms.Outbound && sms.Body.Length == 0)
        {
            return "< (no reply)";
        }
        var size = SmsEncoding.Measure(sms.Body);
        var kind = sms.Outbound ? $"outbound SMS to {sms.To}" : "reply";
        var header = $"< [{kind}, {size.EncodingName}, {size.Segments} segment{(size.Segments == 1 ? "" : "s")}]";
        var shown = header + "\n" + string.Join("\n", sms.Body.Split('\n').Select(l => "  " + l));
        return !sms.Outbound && LimitNote is not null && sms.Body == LimitNotice ? shown + "\n" + LimitNote : shown;
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
