using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>Who is near the front of the day's calling queue and has not yet been told so, read from the store's own
/// order (Redis is the truth, whichever gateway asks).</summary>
/// <remarks>The queue is one for the office: a counter's "next" calls the first waiting ticket whatever its agenda
/// (priority tickets in check-in order, then walk-ins), so a ticket's place in that order is how soon it is called.</remarks>
public interface ITurnNoticeStore
{
    /// <summary>The booked tickets among the first <paramref name="count"/> waiting, in calling order, that
    /// <see cref="MarkToldAsync"/> has not marked, each with its booking. Walk-in tickets have no booking and are left
    /// out. One atomic read.</summary>
    Task<IReadOnlyList<NearFront>> NearFrontAsync(LocalDate date, int count);

    /// <summary>Remembers for the day that the ticket has had its "your turn soon" SMS queued (or never gets one), so
    /// that later calls skip it without reading its phone again.</summary>
    Task MarkToldAsync(LocalDate date, string ticket);
}
