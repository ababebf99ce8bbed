using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Finds lapsed holds and due reminders in the store (not by keyspace notifications, which are lost while no
/// gateway listens) and puts their SMS in the outbox. Every replica may run it: items are leased, and the outbox's
/// dedupe keys make a repeat harmless.</summary>
/// <remarks>A round looks at each watch shard's moves, lapses and reminders (a request each); one that found nothing
/// waits twice as long before the next, from four times <see cref="OutboundOptions.PollInterval"/> (a second) up to
/// <see cref="MaxIdleFactor"/> times that (4 s): a lapse notice then goes out a few seconds after the lapse at most,
/// a reminder a few seconds after it is due, and an office without holds or reminders due asks a quarter as often.</remarks>
public sealed class NotificationWatcher : BackgroundService
{
    private static readonly Duration Lease = Duration.FromSeconds(60);

    /// <summary>How many times its busy interval the watcher waits at most after rounds that found nothing.</summary>
    public const int MaxIdleFactor = 4;

    private readonly IBookingStore _store;
    private readonly IPhoneStore _phones;
    private readonly IOutbox _outbox;
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly ReminderSchedule _schedule;
    private readonly ConversationOptions _conversation;
    private readonly IClock _clock;
    private readonly ILogger<NotificationWatcher> _log;
    private readonly TimeSpan _interval;
    private readonly TextCatalog _texts;
    private readonly WebBookingFlow _web;
    private readonly BookingCore.Statistics.StatisticsCounter? _statistics;

    public NotificationWatcher(IBookingStore store, IPhoneStore phones, IOutbox outbox, BookingService booking, OfficeSettings office,
        ReminderSchedule schedule, ConversationOptions conversation, IOptions<OutboundOptions> options, IClock clock, ILogger<NotificationWatcher> log,
        TextCatalog texts, WebBookingFlow web, BookingCore.Statistics.StatisticsCounter? statistics = null)
    {
        _statistics = statistics;
        _web = web;
        _texts = texts;
        _store = store;
        _phones = phones;
        _outbox = outbox;
        _booking = booking;
        _office = office;
        _schedule = schedule;
        _conversation = conversation;
        _clock = clock;
        _log = log;
        _interval = options.Value.PollInterval * 4;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = _interval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                interval = await RunOnceAsync() > 0 ? _interval : TimeSpan.FromTicks(Math.Min(interval.Ticks * 2, _interval.Ticks * MaxIdleFactor));
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Notification round failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: moves a crash left half-done, lapse notices, then reminders. Returns how many it took.</summary>
    public async Task<int> RunOnceAsync()
    {
        var now = _clock.GetCurrentInstant();
        var moves = await _store.TakeUnfinishedMovesAsync(now, 100, Lease);
        foreach (var phone in moves)
        {
            // The request that began the move died before releasing the old slot (or before dropping a move that never
            // happened): finished here, idempotently, even if the citizen never writes again.
            if (await _store.FinishMovesAsync(phone, now) == 0)
            {
                await _store.ForgetUnfinishedMovesAsync(phone);
            }
        }
        var lapses = await _store.TakeLapsedHoldsAsync(now, 100, Lease);
        foreach (var hold in lapses)
        {
            if (WebOwner.Is(hold.Phone))
            {
                // A reservation of the web pages: its citizen is told by e-mail, never by SMS to the owner's placeholder.
                await _web.LapsedAsync(hold);
                await (_statistics?.LapsedAsync(hold) ?? Task.CompletedTask);
                await _store.ForgetLapsedAsync(hold);
                GatewayMetrics.HoldsLapsed.Add(1);
                continue;
            }
            var texts = await TextsForAsync(hold.Phone);
            var body = Fit(texts.LapseNotice(hold.Date, hold.Time));
            if (!await EnqueueDurablyAsync(new OutboundMessage(hold.Phone, body, "lapse", $"lapse:{hold.Id}", now)))
            {
                continue;
            }
            // Counted before it is forgotten, once per hold: a round that dies in between is taken up again by the next
            // and counts nothing twice, where counting after forgetting would lose the count.
            await (_statistics?.LapsedAsync(hold) ?? Task.CompletedTask);
            await _store.ForgetLapsedAsync(hold);
            GatewayMetrics.HoldsLapsed.Add(1);
            _log.LogInformation("Lapse notice queued for {Phone}", PhoneMask.Mask(hold.Phone));
        }
        var reminders = await _store.TakeDueRemindersAsync(now, 100, Lease);
        foreach (var reminder in reminders)
        {
            var booking = await _store.GetBookingAsync(reminder.Date, reminder.Code);
            if (booking?.Status == BookingStatus.Moving)
            {
                // A move of it is under way: a minute from now it either stands here (the reminder goes then) or has
                // moved (the new time's reminders were scheduled with the move, and this one is forgotten).
                await _store.RescheduleReminderAsync(reminder, now + Duration.FromMinutes(1));
                continue;
            }
            if (booking is null || booking.Status != BookingStatus.Booked)
            {
                await _store.RescheduleReminderAsync(reminder, null); // cancelled or already at the office
                continue;
            }
            var allowed = _schedule.OutsideQuietHours(now);
            if (allowed > now)
            {
                // Due in the night: the morning, if that is still before the visit.
                await _store.RescheduleReminderAsync(reminder, allowed < booking.Start ? allowed : null);
                continue;
            }
            // Codes are unique within a day only, and a moved visit may keep its code: the visit's date is part of
            // what makes a reminder a repeat.
            var dedupe = $"reminder:{booking.Code}:{LocalDatePattern.Iso.Format(booking.Date)}:{reminder.Name}";
            var to = booking.Phone;
            if (WebOwner.Is(booking.Phone))
            {
                // A web booking: the Reminder e-mail, deduplicated in the e-mail outbox by the same key (a round repeated
                // after a crash before the reminder is forgotten sends nothing twice). With the e-mail off, the SMS
                // reminder to the mobile the citizen gave, under the same key; with neither, nothing.
                if (await _web.RemindAsync(booking, dedupe) || await _web.MobileOfAsync(booking) is not { } mobile)
                {
                    await _store.RescheduleReminderAsync(reminder, null);
                    continue;
                }
                to = mobile;
            }
            var texts = await TextsForAsync(to);
            var window = _booking.WindowOf(booking);
            var body = Fit(texts.Reminder(booking, _office.FindAgenda(booking.AgendaId)?.Name.In(texts.Language) ?? booking.AgendaId,
                _office.Place.In(texts.Language), window.Opens.InZone(_office.Zone).TimeOfDay, window.Closes.InZone(_office.Zone).TimeOfDay));
            if (!await EnqueueDurablyAsync(new OutboundMessage(to, body, "reminder", dedupe, now)))
            {
                continue;
            }
            await _store.RescheduleReminderAsync(reminder, null);
            _log.LogInformation("Reminder {Reminder} queued for {Phone}", reminder.Name, PhoneMask.Mask(to)); // the reminder's name (e.g. -1.16:00), not a person's
        }
        return moves.Count + lapses.Count + reminders.Count;
    }

    /// <summary>Queues the message; false when Redis replicas did not acknowledge it, in which case what caused it
    /// (the lapse, the reminder) is kept: its lease runs out and a later round queues it again (the dedupe key keeps
    /// it to one SMS).</summary>
    private async Task<bool> EnqueueDurablyAsync(OutboundMessage message)
    {
        try
        {
            await _outbox.EnqueueAsync(message);
            return true;
        }
        catch (ReplicasBehindException e)
        {
            GatewayMetrics.ReplicaAcksMissed.Add(1, new KeyValuePair<string, object?>("step", e.Step));
            _log.LogWarning("Redis replicas acknowledged {Acknowledged} of {Required} within {Timeout} ms for the {Kind} to {Phone}; queued again after {Lease}",
                e.Acknowledged, e.Required, (int)e.Timeout.TotalMilliseconds, message.Kind, PhoneMask.Mask(message.To), Lease);
            return false;
        }
    }

    private async Task<ConversationTexts> TextsForAsync(string phone) =>
        _texts.For(ConversationSnapshot.FromJson(await _phones.PeekSnapshotAsync(phone)).Language);

    private string Fit(string text) => _conversation.UseDiacritics ? text : SmsEncoding.ToGsmFriendly(text);
}
