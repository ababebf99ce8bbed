using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>One day of the calling queue in numbers: walk-in tickets per agenda, and the tickets called with their total
/// wait (a booked citizen's from check-in to the call, a walk-in's from the ticket to the call).</summary>
public sealed record QueueFigures(IReadOnlyDictionary<string, int> WalkIns, int PriorityCalled, Duration PriorityWaited, int WalkInsCalled, Duration WalkInsWaited)
{
    /// <summary>The average wait of a booked citizen from check-in to the call, or null before the first call.</summary>
    public Duration? AveragePriorityWait => PriorityCalled == 0 ? null : PriorityWaited / PriorityCalled;

    public Duration? AverageWalkInWait => WalkInsCalled == 0 ? null : WalkInsWaited / WalkInsCalled;
}
