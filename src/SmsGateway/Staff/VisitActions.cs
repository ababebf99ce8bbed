using NodaTime;
using SmsBooking.BookingCore.Audit;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The staff settle a booking's visit from the day list, in one tap: served ("vyřízeno") or did not come
/// ("nedostavil se"), whatever the queue had of it (<see cref="IQueueStore.SettleVisitAsync"/>). Audited; the outcome is
/// counted in the statistics once per booking, a correction moving the count.</summary>
public sealed class VisitActions(IBookingStore bookings, IQueueStore queue, QueueService service, IAuditLog audit, IClock clock,
    BookingCore.Statistics.StatisticsCounter? statistics = null)
{
    /// <summary>Settles booking <paramref name="code"/> of <paramref name="date"/> as <paramref name="outcome"/>
    /// (<see cref="BookingStatus.Done"/> or <see cref="BookingStatus.NoShow"/>).</summary>
    public async Task<VisitResult> SettleAsync(LocalDate date, string code, BookingStatus outcome, string who)
    {
        if (await bookings.GetBookingAsync(date, code.Trim().ToUpperInvariant()) is not { } booking)
        {
            return new VisitResult(VisitOutcome.NotFound);
        }
        var result = await queue.SettleVisitAsync(date, booking.Code, booking.Pin, outcome);
        if (result.Outcome == VisitOutcome.Settled)
        {
            service.Changes.Notify();
            if (statistics is not null)
            {
                await statistics.VisitSettledAsync(booking, outcome);
            }
            await audit.WriteAsync(new AuditEntry(clock.GetCurrentInstant(), who, outcome == BookingStatus.Done ? "visit-done" : "visit-noshow",
                $"{booking.Code} {date:yyyy-MM-dd} {booking.Time:HH:mm}, was {result.Before}"));
        }
        return result;
    }
}
