using NodaTime;

namespace SmsBooking.BookingCore.Waitlist;

/// <summary>The in-process waitlist (one gateway, no Redis): the same rules as <see cref="RedisWaitlistStore"/> under
/// one lock.</summary>
public sealed class InMemoryWaitlistStore : IWaitlistStore
{
    private readonly object _lock = new();
    private readonly Dictionary<(string Agenda, string Activity), List<Watch>> _queues = new();
    private readonly Dictionary<string, Instant> _claims = new();
    private readonly Dictionary<(string Phone, LocalDate Day), int> _offers = new();

    public Task SaveAsync(Watch watch)
    {
        lock (_lock)
        {
            var queue = QueueOf(watch.AgendaId, watch.ActivityId);
            queue.RemoveAll(w => w.Phone == watch.Phone);
            queue.Add(watch);
            queue.Sort((a, b) => a.Asked.CompareTo(b.Asked));
        }
        return Task.CompletedTask;
    }

    public Task UpdateAsync(Watch watch)
    {
        lock (_lock)
        {
            var queue = QueueOf(watch.AgendaId, watch.ActivityId);
            var i = queue.FindIndex(w => w.Phone == watch.Phone);
            if (i >= 0)
            {
                queue[i] = watch;
            }
        }
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<Watch>> ListAsync(string agendaId, string activityId)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<Watch>>(QueueOf(agendaId, activityId).ToList());
        }
    }

    public Task<bool> RemoveAsync(string phone, string agendaId, string activityId)
    {
        lock (_lock)
        {
            return Task.FromResult(QueueOf(agendaId, activityId).RemoveAll(w => w.Phone == phone) > 0);
        }
    }

    public Task<OfferClaim> TryClaimAsync(string phone, LocalDate today, Instant now, Instant until, int maxPerDay)
    {
        lock (_lock)
        {
            if (_claims.TryGetValue(phone, out var open) && open > now)
            {
                return Task.FromResult(OfferClaim.Busy);
            }
            var made = _offers.GetValueOrDefault((phone, today));
            if (made >= maxPerDay)
            {
                return Task.FromResult(OfferClaim.DayLimit);
            }
            _claims[phone] = until;
            _offers[(phone, today)] = made + 1;
            return Task.FromResult(OfferClaim.Claimed);
        }
    }

    public Task ReleaseClaimAsync(string phone, LocalDate today)
    {
        lock (_lock)
        {
            _claims.Remove(phone);
            if (_offers.TryGetValue((phone, today), out var made) && made > 0)
            {
                _offers[(phone, today)] = made - 1;
            }
        }
        return Task.CompletedTask;
    }

    private List<Watch> QueueOf(string agendaId, string activityId)
    {
        if (!_queues.TryGetValue((agendaId, activityId), out var queue))
        {
            _queues[(agendaId, activityId)] = queue = new List<Watch>();
        }
        return queue;
    }
}
