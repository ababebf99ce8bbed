using System.Collections.Concurrent;
using NodaTime;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.BookingCore.Queue;

/// <summary><see cref="ITurnNoticeStore"/> in process memory: the queue's order from its snapshot.</summary>
public sealed class InMemoryTurnNoticeStore : ITurnNoticeStore
{
    private readonly IQueueStore _queue;
    private readonly IBookingStore _bookings;
    private readonly ConcurrentDictionary<(LocalDate, string), bool> _told = new();

    public InMemoryTurnNoticeStore(IQueueStore queue, IBookingStore bookings)
    {
        _queue = queue;
        _bookings = bookings;
    }

    public async Task<IReadOnlyList<NearFront>> NearFrontAsync(LocalDate date, int count)
    {
        var near = new List<NearFront>();
        var waiting = (await _queue.SnapshotAsync(date)).Waiting;
        for (int i = 0; i < Math.Min(count, waiting.Count); i++)
        {
            var ticket = waiting[i];
            if (ticket.BookingCode is { } code && !_told.ContainsKey((date, ticket.Number)) && await _bookings.GetBookingAsync(date, code) is { } booking)
            {
                near.Add(new NearFront(ticket, i, booking));
            }
        }
        return near;
    }

    public Task MarkToldAsync(LocalDate date, string ticket)
    {
        _told[(date, ticket)] = true;
        return Task.CompletedTask;
    }
}
