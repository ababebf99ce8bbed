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

    /// <summary>The figure as one SMS, for <c>FRONTA</c>.</summary>
    public async Task<string> SmsAsync(ConversationTexts texts) => Sms(await ReadAsync(), texts);

    /// <summary>The agendas by their names when the answer still fits one segment (as it would be sent), else by their
    /// ids, as <c>MOJE</c> writes them: Trutnov's names, each said twice, would take a second segment.</summary>
    public static string Sms(QueueFigure figure, ConversationTexts texts)
    {
        var named = Sms(figure, texts, a => a.Name.In(texts.Language));
        return SmsBooking.SmsGateway.Sms.SmsEncoding.Measure(SmsBooking.SmsGateway.Sms.SmsEncoding.ToGsmFriendly(named)).Segments == 1
            ? named
            : Sms(figure, texts, a => a.Id);
    }

    private static string Sms(QueueFigure figure, ConversationTexts texts, Func<BookingCore.Calendar.Agenda, string> name)
    {
        var lines = figure.Agendas.Select(a => a.Waiting == 0
            ? texts.Format("QueueLineEmpty", ("agenda", name(a.Agenda)))
            : texts.Format("QueueLine", ("agenda", name(a.Agenda)), ("count", Number(a.Waiting)), ("minutes", Number((int)a.EstimatedWait.TotalMinutes))));
        var free = figure.Agendas.Select(a => a.NextFreeDay switch
        {
            null => texts.Format("QueueFreeNone", ("agenda", name(a.Agenda))),
            { } day when day == figure.At.Date => texts.Format("QueueFreeToday", ("agenda", name(a.Agenda))),
            { } day => texts.Format("QueueFreeDay", ("agenda", name(a.Agenda)), ("day", texts.DayLabel(day))),
        });
        return texts.Format("QueueStatus", ("time", $"{figure.At.Hour:00}:{figure.At.Minute:00}"),
            ("queue", string.Join("; ", lines)), ("free", string.Join(", ", free)));
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
