using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>A counter's pause and agendas, the office's notice on the board, and the staff settling a visit.</summary>
public sealed partial class RedisQueueStore
{
    public async Task<PauseOutcome> PauseAsync(LocalDate date, string counter, Instant now)
    {
        var result = (string)(await Db.ScriptEvaluateAsync(CounterStateScripts.Pause, new
        {
            serving = _keys.DayServing(date), paused = _keys.DayPaused(date), version = _keys.DayQueueVersion(date), counter, now = now.ToUnixTimeMilliseconds(),
        }))!;
        return result switch
        {
            "paused" => PauseOutcome.Paused,
            "already" => PauseOutcome.AlreadyPaused,
            _ => PauseOutcome.Serving,
        };
    }

    public async Task<bool> ResumeAsync(LocalDate date, string counter) =>
        (int)await Db.ScriptEvaluateAsync(CounterStateScripts.Resume, new
        {
            paused = _keys.DayPaused(date), version = _keys.DayQueueVersion(date), counter,
        }) == 1;

    public async Task SetNoticeAsync(LocalDate date, string? text, Duration keepFor)
    {
        await Db.ScriptEvaluateAsync(CounterStateScripts.Notice, new
        {
            notice = _keys.DayNotice(date), version = _keys.DayQueueVersion(date), text = (text ?? "").Trim(),
            keepMs = Math.Max(1000L, (long)keepFor.TotalMilliseconds),
        });
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> CounterAgendasAsync() =>
        (await Db.HashGetAllAsync(_keys.CounterAgendas())).ToDictionary(
            e => (string)e.Name!, e => (IReadOnlyList<string>)((string)e.Value!).Split(',', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    public async Task SetCounterAgendasAsync(string counter, IReadOnlyCollection<string> agendas)
    {
        if (agendas.Count == 0)
        {
            await Db.HashDeleteAsync(_keys.CounterAgendas(), counter);
        }
        else
        {
            await Db.HashSetAsync(_keys.CounterAgendas(), counter, string.Join(',', agendas));
        }
    }

    public async Task<VisitResult> SettleVisitAsync(LocalDate date, string code, string pin, Bookings.BookingStatus outcome)
    {
        if (outcome is not (Bookings.BookingStatus.Done or Bookings.BookingStatus.NoShow))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), "a visit is settled as done or as a no-show");
        }
        var result = (RedisResult[])(await Db.ScriptEvaluateAsync(VisitScripts.Settle, new
        {
            status = _keys.DayStatus(date), pinTickets = _keys.DayPinTickets(date), priority = _keys.DayPriorityQueue(date),
            serving = _keys.DayServing(date), version = _keys.DayQueueVersion(date), code, pin, outcome = outcome.ToString(),
        }))!;
        return (string)result[0]! switch
        {
            "ok" => new VisitResult(VisitOutcome.Settled, Store.StoredRecords.ParseStatus((string?)result[1])),
            "same" => new VisitResult(VisitOutcome.Already, outcome),
            "refused" => new VisitResult(VisitOutcome.Refused, Store.StoredRecords.ParseStatus((string?)result[1])),
            _ => new VisitResult(VisitOutcome.NotFound),
        };
    }
}
