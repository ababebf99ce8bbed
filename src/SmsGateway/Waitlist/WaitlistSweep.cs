using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Waitlist;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Waitlist;

/// <summary>Offers freed slots to watchers (<c>HLIDAT</c>): each round reads, per activity, the watches in the order
/// asked and the slots that are bookable now, and offers each watcher, first come first, the earliest free slot that
/// meets its wish and was not offered to it before. A slot is free here only once anyone could book it, so a cancelled
/// one waits out <c>Booking:CancelReleaseDelay</c>, and a cancel, a lapsed hold, a closure that cancelled someone and a
/// move all free slots alike without telling the waitlist. The offer is a hold (<see cref="OfferedHold.TryOfferSlotAsync"/>),
/// so a declined (<c>NE</c>) or unanswered one frees the slot again and the next round offers it to the next watcher.</summary>
/// <remarks>Every replica may run it at once: an activity is swept by one gateway at a time
/// (<see cref="IWaitlistStore.TryLeaseSweepAsync"/>), so the order of its watchers holds across replicas; a slot
/// cannot be held twice beyond its capacity (the day's atomic hold),
/// and a phone is claimed before its offer (<see cref="IWaitlistStore.TryClaimAsync"/>), so no phone gets two offers at
/// once and none gets more than <c>Waitlist:MaxOffersPerDay</c>. The SMS goes through the outbox, deduplicated by the hold.</remarks>
public sealed class WaitlistSweep : BackgroundService
{
    /// <summary>How long one gateway may sweep an activity before another may (should the first die mid-sweep): far
    /// longer than a sweep takes, short enough that a dead gateway's activity waits one more round at most.</summary>
    private static readonly Duration SweepLease = Duration.FromSeconds(60);

    private readonly IWaitlistStore _watches;
    private readonly IPhoneStore _phones;
    private readonly IOutbox _outbox;
    private readonly BookingService _booking;
    private readonly OfferedHold _offers;
    private readonly OfficeSettings _office;
    private readonly WaitlistOptions _options;
    private readonly ConversationOptions _conversation;
    private readonly TextCatalog _texts;
    private readonly IClock _clock;
    private readonly ILogger<WaitlistSweep> _log;

    public WaitlistSweep(IWaitlistStore watches, IPhoneStore phones, IOutbox outbox, BookingService booking, OfferedHold offers,
        OfficeSettings office, WaitlistOptions options, ConversationOptions conversation, TextCatalog texts, IClock clock, ILogger<WaitlistSweep> log)
    {
        _watches = watches;
        _phones = phones;
        _outbox = outbox;
        _booking = booking;
        _offers = offers;
        _office = office;
        _options = options;
        _conversation = conversation;
        _texts = texts;
        _clock = clock;
        _log = log;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync();
                await Task.Delay(_options.SweepInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                _log.LogError(e, "Waitlist round failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round over every activity; returns the offers made.</summary>
    public async Task<int> RunOnceAsync()
    {
        if (!_options.Enabled)
        {
            return 0;
        }
        var made = 0;
        foreach (var agenda in _office.Agendas)
        {
            foreach (var activity in agenda.Activities)
            {
                var token = Guid.NewGuid().ToString("N");
                try
                {
                    if (!await _watches.TryLeaseSweepAsync(agenda.Id, activity.Id, token, SweepLease))
                    {
                        continue; // another gateway sweeps this activity now; its next round may be ours
                    }
                    try
                    {
                        made += await OfferAsync(agenda, activity);
                    }
                    finally
                    {
                        await _watches.ReleaseSweepAsync(agenda.Id, activity.Id, token);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    _log.LogError(e, "Waitlist round failed for {Agenda}/{Activity}", agenda.Id, activity.Id);
                }
            }
        }
        return made;
    }

    private async Task<int> OfferAsync(Agenda agenda, Activity activity)
    {
        var watches = await _watches.ListAsync(agenda.Id, activity.Id);
        if (watches.Count == 0)
        {
            return 0;
        }
        var now = _clock.GetCurrentInstant();
        var today = _booking.Calendar.Today();
        var freeByDay = new Dictionary<LocalDate, List<Slot>>();
        var made = 0;
        foreach (var watch in watches)
        {
            if (watch.Expires <= now)
            {
                await _watches.RemoveAsync(watch.Phone, agenda.Id, activity.Id);
                continue;
            }
            var upcoming = await _booking.UpcomingAsync(watch.Phone);
            var mine = upcoming.Where(b => b.Status == BookingStatus.Booked && b.AgendaId == agenda.Id && b.ActivityId == activity.Id).ToList();
            var booked = watch.Code is null ? null : mine.FirstOrDefault(b => b.Code == watch.Code);
            if (IsMet(watch, mine) || watch.Code is not null && booked is null || booked is { Party: > 1 })
            {
                await _watches.RemoveAsync(watch.Phone, agenda.Id, activity.Id); // booked what it waited for, or the booking is gone
                continue;
            }
            // Never a time the citizen is already due at another counter (the booking being moved aside).
            var elsewhere = upcoming.Where(b => b.Status == BookingStatus.Booked && b != booked).ToList();
            var slot = await WatchSlots.EarliestAsync(_booking, agenda, activity, watch, booked, now, freeByDay, WatchSlots.ClashesWith(elsewhere, _office));
            if (slot is null)
            {
                continue;
            }
            if (await _phones.IsOptedOutAsync(watch.Phone))
            {
                continue; // nothing to an opted-out number; the watch stays for when it opts in again within its days
            }
            var holdEnds = now + Duration.FromTimeSpan(_booking.Options.HoldDuration);
            var claim = await _watches.TryClaimAsync(watch.Phone, today, now, holdEnds, _options.MaxOffersPerDay);
            if (claim != OfferClaim.Claimed)
            {
                continue;
            }
            var moving = booked is null ? null : new MovingBooking(booked.Code, booked.Date, booked.Time);
            var offered = await _offers.TryOfferSlotAsync(watch.Phone, agenda, activity.Id, watch.Name, slot.Date, slot.Start, moving);
            if (offered is null)
            {
                await _watches.ReleaseClaimAsync(watch.Phone, today); // taken meanwhile, or the phone is busy: no offer
                freeByDay.Remove(slot.Date); // read that day again for the next watcher
                continue;
            }
            var hold = offered.Hold;
            await _watches.UpdateAsync(watch.WithOffer(hold.Date, hold.Time, hold.Id));
            freeByDay[slot.Date].Remove(slot);
            var texts = _texts.For(offered.Language);
            var ends = hold.ExpiresAt.InZone(_office.Zone).TimeOfDay;
            var body = moving is null
                ? texts.WatchOffer(agenda.Name.In(texts.Language), hold.Date, hold.Time, ends)
                : texts.WatchOfferMove(moving.Code, moving.Date, moving.Time, hold.Date, hold.Time, ends);
            await _outbox.EnqueueAsync(new OutboundMessage(watch.Phone, Fit(body), "watch", $"watch:{hold.Id}", now));
            made++;
            _log.LogInformation("Waitlist offer queued for {Phone}", PhoneMask.Mask(watch.Phone));
        }
        return made;
    }

    /// <summary>The wish is met by a booking made from one of its offers, or, without a booking to improve, by any
    /// booking of the activity within its days.</summary>
    private static bool IsMet(Watch watch, List<Booking> mine) =>
        mine.Any(b => b.HoldId is not null && watch.OfferedHolds.Contains(b.HoldId))
        || watch.Code is null && mine.Any(b => b.Date >= watch.From && b.Date <= watch.To);

    private string Fit(string text) => _conversation.UseDiacritics ? text : SmsEncoding.ToGsmFriendly(text);
}
