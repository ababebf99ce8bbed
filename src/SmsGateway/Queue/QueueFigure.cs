using NodaTime;

namespace SmsBooking.SmsGateway.Queue;

/// <summary>The office's queue as the public sees it at <paramref name="At"/> (office time): per agenda, who waits, about
/// how long, and the next free booking day.</summary>
/// <param name="Open">Whether the office is open at that moment.</param>
public sealed record QueueFigure(LocalDateTime At, bool Open, IReadOnlyList<AgendaQueue> Agendas);
