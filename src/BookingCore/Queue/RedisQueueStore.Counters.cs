using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Queue;

/// <summary>A counter's pause and agendas, and the office's notice on the board.</summary>
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
}
