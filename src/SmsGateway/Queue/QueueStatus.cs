using System.Globalization;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Queue;

/// <summary>How busy the counters are (the seed office's "Aktuální stav obsazenosti přepážek"), computed once for both
/// the public page <c>/fronta</c> and the SMS keyword <c>FRONTA</c> (<c>QUEUE</c>).</summary>
/// <remarks>
/// An agenda's estimated wait is its waiting tickets times its mean service time today, shared among its counters:
/// <c>ceil(waiting × mean ÷ counters)</c> minutes, the mean measured from each served ticket's last call to its end
/// (<see cref="QueueService.DoneAsync"/>); before the day's first served ticket of the agenda, its slot length stands in.
/// It is an estimate: priority tickets of other agendas are called first at any counter, and clerks differ.
/// </remarks>
public sealed class QueueStatus(QueueService queue, BookingService booking, IClock clock)
{
    public async Task<QueueFigure> ReadAsync()
    {
        var calendar = booking.Calendar;
        var now = clock.GetCurrentInstant().InZone(calendar.Zone).LocalDateTime;
        var snapshot = await queue.SnapshotAsync();
        var waiting = queue.WaitingByAgenda(snapshot);
        var agendas = await Task.WhenAll(calendar.Office.Agendas.Select(async agenda =>
        {
            var count = waiting.GetValueOrDefault(agenda.Id);
            var measured = snapshot.ServiceTimes.GetValueOrDefault(agenda.Id);
            var service = measured.Mean ?? Duration.FromMinutes(agenda.SlotMinutes);
            var wait = Duration.FromMinutes(Math.Ceiling(count * service.TotalMinutes / agenda.Counters));
            var free = await booking.FreeDaysAsync(agenda, 1);
            return new AgendaQueue(agenda, count, wait, measured.Count > 0, free.Count > 0 ? free[0] : null);
        }));
        var open = calendar.IsOpenOn(now.Date) && calendar.Office.Hours[now.Date.DayOfWeek] is var hours
            && now.TimeOfDay >= hours.Open && now.TimeOfDay < hours.Close;
        return new QueueFigure(now, open, agendas);
    }

    /// <summary>The figure as one SMS (the agendas by their ids, as <c>MOJE</c> writes them), for <c>FRONTA</c>.</summary>
    public async Task<string> SmsAsync(ConversationTexts texts) => Sms(await ReadAsync(), texts);

    public static string Sms(QueueFigure figure, ConversationTexts texts)
    {
        var lines = figure.Agendas.Select(a => a.Waiting == 0
            ? texts.Format("QueueLineEmpty", ("agenda", a.Agenda.Id))
            : texts.Format("QueueLine", ("agenda", a.Agenda.Id), ("count", Number(a.Waiting)), ("minutes", Number((int)a.EstimatedWait.TotalMinutes))));
        var free = figure.Agendas.Select(a => a.NextFreeDay switch
        {
            null => texts.Format("QueueFreeNone", ("agenda", a.Agenda.Id)),
            { } day when day == figure.At.Date => texts.Format("QueueFreeToday", ("agenda", a.Agenda.Id)),
            { } day => texts.Format("QueueFreeDay", ("agenda", a.Agenda.Id), ("day", texts.DayLabel(day))),
        });
        return texts.Format("QueueStatus", ("time", $"{figure.At.Hour:00}:{figure.At.Minute:00}"),
            ("queue", string.Join("; ", lines)), ("free", string.Join(", ", free)));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
