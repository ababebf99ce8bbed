using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Steps;

/// <summary>The days asked for were a week (<c>pristi tyden</c>): the day step lists its free days.</summary>
internal sealed record DaysWithin(LocalDate From, LocalDate To);

/// <summary>The day asked for is closed or full (<paramref name="Why"/> says which): the day step lists the nearest free days.</summary>
internal sealed record DaysNear(LocalDate Day, string Why);

/// <summary>The time asked for is taken or not offered (<paramref name="Why"/> says which): the time step lists the
/// nearest free times.</summary>
internal sealed record TimesNear(LocalTime Time, string Why);

/// <summary>What the talk was left with, said instead of the greeting (a cap on bookings reached at the hold).</summary>
internal sealed record Told(string Text);
