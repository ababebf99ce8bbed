namespace SmsBooking.BookingCore.Queue;

/// <summary>The office day's queue at one moment, read at once.</summary>
/// <param name="Serving">Each counter's current call, the newest first.</param>
/// <param name="Recent">The latest calls, recalls included, the newest first.</param>
/// <param name="Waiting">The tickets waiting, in the order they will be called: priority first, then walk-ins.</param>
/// <param name="ServiceTimes">Today's measured service times by agenda id.</param>
/// <param name="Version">Changes with every change of the day's queue (check-in, walk-in and every counter action),
/// so a display can tell cheaply whether anything happened.</param>
public sealed record QueueSnapshot(
    IReadOnlyList<Call> Serving,
    IReadOnlyList<Call> Recent,
    IReadOnlyList<Ticket> Waiting,
    IReadOnlyDictionary<string, ServiceTimes> ServiceTimes,
    long Version)
{
    /// <summary>The counters on a pause (<c>přestávka</c>) and since when.</summary>
    public IReadOnlyDictionary<string, NodaTime.Instant> Paused { get; init; } = new Dictionary<string, NodaTime.Instant>();

    /// <summary>The office's notice for the day (set from the staff console), or null.</summary>
    public string? Notice { get; init; }
}
