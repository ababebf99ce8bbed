using NodaTime;

namespace SmsBooking.BookingCore.Waitlist;

/// <summary>The watches (<see cref="Watch"/>), queued per activity in the order asked, and the per-phone claim that
/// keeps an offer to one at a time across gateway replicas (docs/redis.md, "Waitlist").</summary>
/// <remarks>A slot is never offered twice because an offer is a hold (the day's capacity check is atomic); a phone
/// never gets two offers at once because each offer first claims the phone (<see cref="TryClaimAsync"/>).</remarks>
public interface IWaitlistStore
{
    /// <summary>Adds the watch, replacing the phone's watch of the same activity (which then queues from now).</summary>
    Task SaveAsync(Watch watch);

    /// <summary>Writes the watch back (its offers) only if it is still there: a watch ended meanwhile stays ended.</summary>
    Task UpdateAsync(Watch watch);

    /// <summary>The activity's watches, first asked first.</summary>
    Task<IReadOnlyList<Watch>> ListAsync(string agendaId, string activityId);

    /// <summary>Ends the phone's watch of the activity; false when there was none.</summary>
    Task<bool> RemoveAsync(string phone, string agendaId, string activityId);

    /// <summary>Claims the phone for one offer until <paramref name="until"/> and counts it against the day
    /// <paramref name="today"/>: fails while another claim is open (at <paramref name="now"/>) or the day's
    /// <paramref name="maxPerDay"/> offers were made.</summary>
    Task<OfferClaim> TryClaimAsync(string phone, LocalDate today, Instant now, Instant until, int maxPerDay);

    /// <summary>Gives the claim back, uncounted, when no offer was made after all (the slot was taken meanwhile).</summary>
    Task ReleaseClaimAsync(string phone, LocalDate today);

    /// <summary>Takes the activity's sweep for <paramref name="lease"/> under <paramref name="token"/>: false while
    /// another sweep (another gateway's) holds it. One sweep of an activity at a time keeps "first asked, first offered"
    /// across replicas: without it, a sweep that finds the first watcher claimed by another gateway's sweep, whose offer
    /// is not yet held, offers the freed slot to the second watcher.</summary>
    Task<bool> TryLeaseSweepAsync(string agendaId, string activityId, string token, Duration lease);

    /// <summary>Gives the activity's sweep back, if <paramref name="token"/> still holds it.</summary>
    Task ReleaseSweepAsync(string agendaId, string activityId, string token);
}
