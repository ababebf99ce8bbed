using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>One office day in numbers, for the console and the API.</summary>
/// <param name="Bookings">Bookings not cancelled (booked, checked in, called, done, no-show).</param>
/// <param name="AverageWait">A booked citizen's average wait from check-in to the call, null before the first call.</param>
/// <param name="AverageWalkInWait">A walk-in's average wait from the ticket to the call.</param>
public sealed record DayFigures(LocalDate Date, int Bookings, int CheckedIn, int Called, int Done, int NoShow, int Cancelled, int WalkIns,
    IReadOnlyDictionary<string, int> WalkInsByAgenda, Duration? AverageWait, Duration? AverageWalkInWait);
