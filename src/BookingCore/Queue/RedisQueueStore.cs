using System.Globalization;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>The calling queue on Redis: every script touches one office day's hash tag (or one kiosk key's).
/// Queue keys live 3 days: a queue is the day's business.</summary>
public sealed partial class RedisQueueStore : IQueueStore
{
    private readonly IConnectionMultiplexer _redis;
    private readonly RedisKeys _keys;

    public RedisQueueStore(IConnectionMultiplexer redis, RedisKeys keys)
    {
        _redis = redis;
        _keys = keys;
    }

    private IDatabase Db => _redis.GetDatabase();

    public async Task<Ticket?> CheckInAsync(LocalDate date, string pin, string bookingCode, string agendaId, Instant start, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(TicketScripts.CheckIn, new
        {
            status = _keys.DayStatus(date), pinTickets = _keys.DayPinTickets(date), ticketNumbers = _keys.DayTicketNumbers(date), tickets = _keys.DayTickets(date),
            priority = _keys.DayPriorityQueue(date), version = _keys.DayQueueVersion(date),
            pin, code = bookingCode, agenda = agendaId, start = start.ToUnixTimeMilliseconds(), now = now.ToUnixTimeMilliseconds(),
        }))!;
        return (string)result[0]! == "invalid" ? null : new Ticket((string)result[1]!, true, agendaId, start, bookingCode);
    }

    public async Task<Ticket?> TryWalkInAsync(LocalDate date, string agendaId, Instant now, int dailyCap)
    {
        var number = (string)(await Db.ScriptEvaluateAsync(TicketScripts.WalkIn, new
        {
            ticketNumbers = _keys.DayTicketNumbers(date), tickets = _keys.DayTickets(date), walkIns = _keys.DayWalkInQueue(date),
            version = _keys.DayQueueVersion(date), agenda = agendaId, now = now.ToUnixTimeMilliseconds(), cap = dailyCap,
        }))!;
        return number.Length == 0 ? null : new Ticket(number, false, agendaId, null, null);
    }

    public async Task<Call?> NextAsync(LocalDate date, string counter, Instant now, IReadOnlyCollection<string>? agendas = null)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CounterScripts.Next, new
        {
            priority = _keys.DayPriorityQueue(date), walkIns = _keys.DayWalkInQueue(date), tickets = _keys.DayTickets(date), status = _keys.DayStatus(date),
            serving = _keys.DayServing(date), calls = _keys.DayCalls(date), callCounts = _keys.DayCallCounts(date), serviceTimes = _keys.DayServiceTimes(date),
            version = _keys.DayQueueVersion(date), ticketNumbers = _keys.DayTicketNumbers(date), paused = _keys.DayPaused(date), counter,
            now = now.ToUnixTimeMilliseconds(), agendas = string.Join(',', agendas ?? []),
        }))!;
        return result.Length == 0 ? null : new Call(ParseTicket((string)result[0]!, (string)result[1]!), counter, now, (int)result[2]);
    }

    public async Task<RecallResult> RecallAsync(LocalDate date, string counter, Instant now, int maxCalls)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CounterScripts.Recall, new
        {
            serving = _keys.DayServing(date), tickets = _keys.DayTickets(date), calls = _keys.DayCalls(date), callCounts = _keys.DayCallCounts(date),
            version = _keys.DayQueueVersion(date), counter, now = now.ToUnixTimeMilliseconds(), maxCalls,
        }))!;
        var ticket = result.Length > 1 ? ParseTicket((string)result[1]!, (string)result[2]!) : null;
        return (string)result[0]! switch
        {
            "ok" => new RecallResult(RecallOutcome.Recalled, new Call(ticket!, counter, now, (int)result[3])),
            "max" => new RecallResult(RecallOutcome.MaxCalls, new Call(ticket!, counter, ParseMs((string?)result[4]) ?? now, (int)result[3])),
            _ => new RecallResult(RecallOutcome.NothingCalled),
        };
    }

    public async Task<NoShowResult> NoShowAsync(LocalDate date, string counter, Instant now, int maxCalls)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CounterScripts.NoShow, new
        {
            serving = _keys.DayServing(date), tickets = _keys.DayTickets(date), status = _keys.DayStatus(date), callCounts = _keys.DayCallCounts(date),
            priority = _keys.DayPriorityQueue(date), walkIns = _keys.DayWalkInQueue(date), version = _keys.DayQueueVersion(date), counter, maxCalls,
        }))!;
        return (string)result[0]! switch
        {
            "requeued" => new NoShowResult(NoShowOutcome.Requeued, ParseTicket((string)result[1]!, (string)result[2]!), (int)result[3]),
            "dropped" => new NoShowResult(NoShowOutcome.DroppedOut, ParseTicket((string)result[1]!, (string)result[2]!), (int)result[3]),
            _ => new NoShowResult(NoShowOutcome.NothingCalled),
        };
    }

    public async Task<DoneResult?> DoneAsync(LocalDate date, string counter, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CounterScripts.Done, new
        {
            serving = _keys.DayServing(date), tickets = _keys.DayTickets(date), status = _keys.DayStatus(date), serviceTimes = _keys.DayServiceTimes(date),
            version = _keys.DayQueueVersion(date), counter, now = now.ToUnixTimeMilliseconds(),
        }))!;
        return result.Length == 0 ? null
            : new DoneResult(ParseTicket((string)result[0]!, (string)result[1]!), Duration.FromMilliseconds((long)result[2]));
    }

    public async Task<Ticket?> TransferAsync(LocalDate date, string counter, string agendaId, Instant now)
    {
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(CounterScripts.Transfer, new
        {
            serving = _keys.DayServing(date), tickets = _keys.DayTickets(date), status = _keys.DayStatus(date), callCounts = _keys.DayCallCounts(date),
            priority = _keys.DayPriorityQueue(date), walkIns = _keys.DayWalkInQueue(date), version = _keys.DayQueueVersion(date), counter, agenda = agendaId,
        }))!;
        return result.Length == 0 ? null : ParseTicket((string)result[0]!, (string)result[1]!);
    }

    public async Task<QueueSnapshot> SnapshotAsync(LocalDate date)
    {
        var batch = Db.CreateBatch();
        var serving = batch.HashGetAllAsync(_keys.DayServing(date));
        var calls = batch.ListRangeAsync(_keys.DayCalls(date), 0, 19);
        var tickets = batch.HashGetAllAsync(_keys.DayTickets(date));
        var priority = batch.ListRangeAsync(_keys.DayPriorityQueue(date));
        var walkIns = batch.ListRangeAsync(_keys.DayWalkInQueue(date));
        var service = batch.HashGetAllAsync(_keys.DayServiceTimes(date));
        var version = batch.StringGetAsync(_keys.DayQueueVersion(date));
        var paused = batch.HashGetAllAsync(_keys.DayPaused(date));
        var notice = batch.StringGetAsync(_keys.DayNotice(date));
        batch.Execute();
        var info = (await tickets).ToDictionary(e => (string)e.Name!, e => (string)e.Value!);
        Ticket TicketOf(string number) => ParseTicket(number, info.GetValueOrDefault(number, "||"));
        // Calls as the scripts write them: ticket|ms|n in serving (counter is the field), ticket|counter|ms|n in calls; n
        // is missing in what a gateway before the call counts wrote.
        Call ToCall(string ticket, string counter, string ms, string? n) =>
            new(TicketOf(ticket), counter, ParseMs(ms) ?? Instant.FromUnixTimeMilliseconds(0),
                int.TryParse(n, CultureInfo.InvariantCulture, out var number) ? number : 1);
        var now = (await serving).Select(e =>
        {
            var parts = ((string)e.Value!).Split('|');
            return ToCall(parts[0], e.Name!, parts.ElementAtOrDefault(1) ?? "", parts.ElementAtOrDefault(2));
        }).OrderByDescending(c => c.At).ToList();
        var recent = (await calls).Select(v =>
        {
            var parts = ((string)v!).Split('|');
            return ToCall(parts[0], parts[1], parts[2], parts.ElementAtOrDefault(3));
        }).ToList();
        var waiting = (await priority).Concat(await walkIns).Select(t => TicketOf(t!)).ToList();
        var times = new Dictionary<string, ServiceTimes>(StringComparer.Ordinal);
        foreach (var e in await service)
        {
            var name = (string)e.Name!;
            var bar = name.LastIndexOf('|');
            var agenda = name[..bar];
            var t = times.GetValueOrDefault(agenda);
            times[agenda] = name[(bar + 1)..] == "n" ? t with { Count = (int)e.Value } : t with { Total = Duration.FromMilliseconds((long)e.Value) };
        }
        var pauses = (await paused).ToDictionary(e => (string)e.Name!, e => ParseMs(e.Value) ?? Instant.FromUnixTimeMilliseconds(0), StringComparer.Ordinal);
        return new QueueSnapshot(now, recent, waiting, times, (long?)await version ?? 0) { Paused = pauses, Notice = (string?)await notice };
    }

    public async Task<long> VersionAsync(LocalDate date) => (long?)await Db.StringGetAsync(_keys.DayQueueVersion(date)) ?? 0;

    private static Instant? ParseMs(string? ms) =>
        long.TryParse(ms, CultureInfo.InvariantCulture, out var value) ? Instant.FromUnixTimeMilliseconds(value) : null;

    public async Task<QueueFigures> FiguresAsync(LocalDate date)
    {
        var fields = (await Db.HashGetAllAsync(_keys.DayTicketNumbers(date))).ToDictionary(e => (string)e.Name!, e => (long)e.Value);
        long Field(string name) => fields.GetValueOrDefault(name);
        var walkIns = fields.Where(f => f.Key.StartsWith("A:", StringComparison.Ordinal)).ToDictionary(f => f.Key[2..], f => (int)f.Value);
        return new QueueFigures(walkIns, (int)Field("called:P"), Duration.FromMilliseconds(Field("waited:P")), (int)Field("called:A"), Duration.FromMilliseconds(Field("waited:A")));
    }

    public async Task<IReadOnlyList<Booking>> BookingsOfDayAsync(LocalDate date)
    {
        var batch = Db.CreateBatch();
        var bookings = batch.HashGetAllAsync(_keys.DayBookings(date));
        var statuses = batch.HashGetAllAsync(_keys.DayStatus(date));
        batch.Execute();
        var status = (await statuses).ToDictionary(e => (string)e.Name!, e => (string?)e.Value);
        return (await bookings).Select(e => StoredRecords.BookingFromJson(e.Value!, StoredRecords.ParseStatus(status.GetValueOrDefault(e.Name!)))).ToList();
    }

    /// <summary>From <c>code|agenda|start ms|issued ms</c>.</summary>
    private static Ticket ParseTicket(string number, string info)
    {
        var parts = info.Split('|');
        var start = parts.Length > 2 && long.TryParse(parts[2], CultureInfo.InvariantCulture, out var ms) ? Instant.FromUnixTimeMilliseconds(ms) : (Instant?)null;
        return new Ticket(number, number.StartsWith('P'), parts.Length > 1 ? parts[1] : "", start, parts[0].Length == 0 ? null : parts[0]);
    }
}
