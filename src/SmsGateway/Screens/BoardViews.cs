using System.Text.Json;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>Reads the board as the screens show it (<see cref="BoardView"/>).</summary>
public sealed class BoardViews(QueueService queue, OfficeSettings office, AgendaNames names, IClock clock)
{
    /// <summary>How the board's JSON is written, on the feed and for polling alike.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>How many earlier calls the board lists.</summary>
    public const int RecentCalls = 6;

    private static readonly Texts.ScreenTexts Uk = Texts.ScreenTexts.For(Texts.ScreenLanguage.Uk);

    public async Task<BoardView> ReadAsync() => From(await queue.BoardAsync());

    public BoardView From(Board board)
    {
        var calling = board.Serving.Select(Call).ToList();
        var current = calling.Select(c => c.Id).ToHashSet();
        // Earlier calls: the latest call of each ticket that is not being called now, newest first.
        var recent = board.Recent.Select(Call).Where(c => !current.Contains(c.Id)).DistinctBy(c => c.Ticket)
            .Where(c => !calling.Any(now => now.Ticket == c.Ticket)).Take(RecentCalls).ToList();
        var waiting = office.Agendas.Select(a => new BoardWaiting(a.Id, a.Name.Cs, a.Name.En, names.Of(a, Uk), board.Waiting.GetValueOrDefault(a.Id))).ToList();
        var paused = board.Paused.OrderBy(p => p.Value).Select(p => p.Key).ToList();
        return new BoardView(board.Version, Hm(clock.GetCurrentInstant()), calling, recent, waiting, paused, board.Notice);
    }

    private BoardCall Call(Call call) =>
        new($"{call.Ticket.Number}|{call.Counter}|{call.At.ToUnixTimeMilliseconds()}|{call.Number}", call.Ticket.Number, call.Counter,
            call.Ticket.AgendaId, call.Ticket.Priority, call.Number, Hm(call.At));

    private string Hm(Instant instant)
    {
        var time = instant.InZone(office.Zone).TimeOfDay;
        return $"{time.Hour:00}:{time.Minute:00}";
    }
}
