namespace SmsBooking.SmsGateway.Screens;

/// <summary>What the calling board shows, as its page and its live feed send it: tickets, counters, agendas and counts.
/// No name and no phone number is ever in it.</summary>
/// <param name="Version">The queue's version it was read at.</param>
/// <param name="At">The office's time of the read, <c>HH:mm</c>.</param>
/// <param name="Paused">The counters on a break, by name.</param>
/// <param name="Notice">The office's notice for the day (the staff console's), or null.</param>
public sealed record BoardView(long Version, string At, IReadOnlyList<BoardCall> Calling, IReadOnlyList<BoardCall> Recent, IReadOnlyList<BoardWaiting> Waiting,
    IReadOnlyList<string> Paused, string? Notice);

/// <param name="Id">Tells this call from every other (a recall is a new call): ticket, counter, time and call number.</param>
/// <param name="Calls">How many times the ticket has been called, this call included.</param>
public sealed record BoardCall(string Id, string Ticket, string Counter, string Agenda, bool Priority, int Calls, string At);

/// <summary>Tickets waiting for one agenda, its name in Czech, English and Ukrainian.</summary>
public sealed record BoardWaiting(string Agenda, string Name, string NameEn, string NameUk, int Count);
