using System.Globalization;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using Stateless;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Reads one message against the phone's snapshot, fires the machine and writes the reply.</summary>
/// <remarks>Not thread-safe per phone: the caller holds the phone's lease while this runs.</remarks>
public sealed class ConversationEngine
{
    private const int MaxNameLength = 100;
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly ConversationOptions _options;
    private readonly IClock _clock;
    private readonly OutboundNotifications _notifications;
    private readonly TextCatalog _texts;
    private readonly Queue.QueueStatus _queueStatus;

    public ConversationEngine(BookingService booking, OfficeSettings office, ConversationOptions options, IClock clock, OutboundNotifications notifications,
        TextCatalog texts, Queue.QueueStatus queueStatus)
    {
        _texts = texts;
        _queueStatus = queueStatus;
        _booking = booking;
        _office = office;
        _options = options;
        _clock = clock;
        _notifications = notifications;
    }

    /// <summary>Handles one message; the snapshot is changed in place and the reply (unformatted for SMS) returned.</summary>
    /// <param name="phoneHasBookings">Read with the phone's lease; false spares the cap check its reads.</param>
    public async Task<string> HandleAsync(string phone, ConversationSnapshot snapshot, string text, bool phoneHasBookings = true)
    {
        var turn = new Turn(this, phone, snapshot, phoneHasBookings);
        return await turn.RunAsync(text);
    }

    private sealed class Turn : ConversationMachine.IEffects
    {
        private readonly ConversationEngine _e;
        private readonly string _phone;
        private readonly ConversationSnapshot _s;
        private readonly StateMachine<State, Trigger> _machine;
        private readonly bool _phoneHasBookings;

        public Turn(ConversationEngine engine, string phone, ConversationSnapshot snapshot, bool phoneHasBookings)
        {
            _e = engine;
            _phone = phone;
            _s = snapshot;
            _phoneHasBookings = phoneHasBookings;
            _machine = ConversationMachine.Create(snapshot, this);
        }

        private ConversationTexts T => _e._texts.For(_s.Language);
        private Agenda? Agenda => _s.AgendaId is null ? null : _e._office.FindAgenda(_s.AgendaId);
        private LocalDate? Date => _s.Date is null ? null : LocalDatePattern.Iso.Parse(_s.Date).Value;

        public bool AgendaHasSeveralActivities() => Agenda is { Activities.Count: > 1 };

        public async Task ReleaseHoldAsync()
        {
            await _e._booking.ReleaseHoldAsync(_phone);
            _s.ClearHold();
        }

        public async Task<string> RunAsync(string raw)
        {
            var input = InputText.Normalize(raw);
            var (keyword, argument) = Keywords.Parse(input);

            // A confirmed hold id is kept while idle only to answer a repeated ANO.
            if (_s.State == State.Idle && keyword != Keyword.Yes && _s.HoldId is not null)
            {
                _s.ClearHold();
            }

            switch (keyword)
            {
                case Keyword.English:
                case Keyword.Czech:
                    _s.Language = keyword == Keyword.English ? Language.En : Language.Cs;
                    return _s.State == State.Idle ? await GreetAsync() : await PromptAsync();
                case Keyword.Help:
                    return T.Help();
                case Keyword.MyBookings:
                    return await MyBookingsAsync();
                case Keyword.Queue:
                    return await _e._queueStatus.SmsAsync(T);
                case Keyword.Restart:
                    await FireAsync(Trigger.Restarted);
                    _s.ClearBooking();
                    return await PromptAsync();
                case Keyword.OptIn:
                    // START (or an opt-in that lifted an opt-out): the greeting, from the beginning. Leaving the steps
                    // that keep a hold releases it, like every other way of starting over.
                    await FireAsync(Trigger.Restarted);
                    _s.ClearBooking();
                    return T.Greeting(AgendaNames());
                case Keyword.Back when _machine.CanFire(Trigger.Back):
                    await FireAsync(Trigger.Back);
                    return await PromptAsync();
                case Keyword.Cancel when argument.Length > 0:
                    return await CancelByCodeAsync(argument);
                case Keyword.Cancel:
                    return await CancelAsync();
                case Keyword.More when _s.State is State.ChoosingDay or State.ChoosingTime:
                    return await PageOnAsync();
                case Keyword.None when input == "OBJ" || input.StartsWith("OBJ ", StringComparison.Ordinal):
                    return await QuickBookAsync(input, raw);
                case Keyword.None when input == "VOLNO" || input.StartsWith("VOLNO ", StringComparison.Ordinal) || input.StartsWith("FREE ", StringComparison.Ordinal):
                    return await FreeTimesAsync(input);
            }

            return _s.State switch
            {
                State.Idle when keyword == Keyword.Yes && _s.HoldId is not null => await RepeatConfirmAsync(),
                State.Idle => await GreetAsync(),
                State.ChoosingAgenda => await AgendaAsync(input),
                State.ChoosingActivity => await ActivityAsync(input),
                State.ChoosingDay => await DayAsync(input),
                State.ChoosingTime => await TimeAsync(input),
                State.EnteringName => await NameAsync(raw, keyword),
                State.Confirming => await ConfirmAsync(keyword),
                State.ChoosingCancellation => await CancellationChoiceAsync(input),
                _ => await GreetAsync(),
            };
        }

        private Task FireAsync(Trigger trigger) => _machine.FireAsync(trigger);

        private async Task<string> GreetAsync()
        {
            _s.ClearBooking();
            await FireAsync(Trigger.Greeted);
            return T.Greeting(AgendaNames());
        }

        private IReadOnlyList<string> AgendaNames() => _e._office.Agendas.Select(a => a.Name.In(_s.Language)).ToList();

        /// <summary>What the current step asks for, lists freshly computed.</summary>
        private async Task<string> PromptAsync()
        {
            switch (_s.State)
            {
                case State.Idle:
                    return T.Greeting(AgendaNames());
                case State.ChoosingAgenda:
                    return T.ChooseAgenda(AgendaNames());
                case State.ChoosingActivity:
                    return T.ChooseActivity(Agenda!.Name.In(_s.Language), Agenda.Activities.Select(a => a.Name.In(_s.Language)).ToList());
                case State.ChoosingDay:
                    return await DaysAsync("");
                case State.ChoosingTime:
                    return await TimesAsync("");
                case State.EnteringName:
                    return T.AskName(Date!.Value, HoldTime, HoldEnds);
                case State.Confirming:
                    return SummaryText();
                case State.ChoosingCancellation:
                    return await CancelAsync();
                default:
                    return T.Greeting(AgendaNames());
            }
        }

        private async Task<string> AgendaAsync(string input)
        {
            var count = _e._office.Agendas.Count;
            if (!TryNumber(input, count, out var index))
            {
                return Hint(T.HintNumber(count), T.ChooseAgenda(AgendaNames()));
            }
            _s.AgendaId = _e._office.Agendas[index].Id;
            _s.ActivityId = Agenda!.Activities.Count == 1 ? Agenda.Activities[0].Id : null;
            _s.Page = 0;
            await FireAsync(Trigger.AgendaChosen);
            return await PromptAsync();
        }

        private async Task<string> ActivityAsync(string input)
        {
            var activities = Agenda!.Activities;
            if (!TryNumber(input, activities.Count, out var index))
            {
                return Hint(T.HintNumber(activities.Count), await PromptAsync());
            }
            _s.ActivityId = activities[index].Id;
            _s.Page = 0;
            await FireAsync(Trigger.ActivityChosen);
            return await PromptAsync();
        }

        private async Task<string> DaysAsync(string prefix)
        {
            var per = _e._options.DaysPerPage;
            // One more than the page shows, to know whether DALSI has anything to show.
            var days = await _e._booking.FreeDaysAsync(Agenda!, ((_s.Page + 1) * per) + 1);
            if (days.Count == 0)
            {
                _s.Options.Clear();
                return prefix + T.NoFreeDays(Agenda!.Name.In(_s.Language));
            }
            if (_s.Page * per >= days.Count)
            {
                _s.Page = 0;
            }
            var page = days.Skip(_s.Page * per).Take(per).ToList();
            _s.Options = page.Select(d => LocalDatePattern.Iso.Format(d)).ToList();
            return prefix + T.ChooseDay(Agenda!.Name.In(_s.Language), page, days.Count > (_s.Page + 1) * per);
        }

        private async Task<string> DayAsync(string input)
        {
            LocalDate? chosen = null;
            if (TryNumber(input, _s.Options.Count, out var index))
            {
                chosen = LocalDatePattern.Iso.Parse(_s.Options[index]).Value;
            }
            else if (TryTypedDate(input, out var typed))
            {
                chosen = typed;
            }
            if (chosen is null)
            {
                return Hint(T.HintDay(), await DaysAsync(""));
            }
            var slots = await _e._booking.FreeSlotsAsync(Agenda!, chosen.Value);
            if (slots.Count == 0)
            {
                _e._booking.ForgetFreeDays(Agenda!); // the list offered a day that has filled: the next one is read afresh
                return await DaysAsync(T.NoFreeTimes(chosen.Value) + "\n");
            }
            _s.Date = LocalDatePattern.Iso.Format(chosen.Value);
            _s.Page = 0;
            await FireAsync(Trigger.DayChosen);
            return await TimesAsync("", slots); // the day's free times, read once for the check and the list
        }

        private async Task<string> TimesAsync(string prefix, IReadOnlyList<Slot>? known = null)
        {
            var slots = known ?? await _e._booking.FreeSlotsAsync(Agenda!, Date!.Value);
            if (slots.Count == 0)
            {
                // Nothing left that day: back to the days (read afresh), saying why.
                _e._booking.ForgetFreeDays(Agenda!);
                _s.Page = 0;
                await FireAsync(Trigger.Back);
                return await DaysAsync(prefix + T.NoFreeTimes(Date!.Value) + "\n");
            }
            var per = _e._options.TimesPerPage;
            if (_s.Page * per >= slots.Count)
            {
                _s.Page = 0;
            }
            var page = slots.Skip(_s.Page * per).Take(per).Select(s => s.Start).ToList();
            _s.Options = page.Select(t => HourMinute.Format(t)).ToList();
            return prefix + T.ChooseTime(Date!.Value, page, slots.Count > (_s.Page + 1) * per);
        }

        private async Task<string> TimeAsync(string input)
        {
            LocalTime? chosen = null;
            if (TryNumber(input, _s.Options.Count, out var index))
            {
                chosen = HourMinute.Parse(_s.Options[index]).Value;
            }
            else if (TryTypedTime(input, out var typed))
            {
                chosen = typed;
            }
            if (chosen is null)
            {
                return Hint(T.HintTime(), await TimesAsync(""));
            }
            var result = await _e._booking.HoldAsync(_phone, Agenda!, _s.ActivityId!, Date!.Value, chosen.Value, _phoneHasBookings);
            switch (result.Outcome)
            {
                case HoldOutcome.Placed:
                    GatewayMetrics.HoldsPlaced.Add(1);
                    _s.HoldId = result.Hold!.Id;
                    _s.HoldTime = HourMinute.Format(chosen.Value);
                    _s.HoldExpiresMs = result.Hold.ExpiresAt.ToUnixTimeMilliseconds();
                    await FireAsync(Trigger.TimeHeld);
                    return await PromptAsync();
                case HoldOutcome.SlotFull:
                    _s.Page = 0;
                    await FireAsync(Trigger.SlotTaken);
                    return await TimesAsync(T.SlotTaken() + "\n");
                case HoldOutcome.TooManyBookings:
                    await FireAsync(Trigger.Abandoned);
                    _s.ClearBooking();
                    return T.TooManyBookings(_e._booking.Options.MaxUpcomingPerAgenda);
                default:
                    return Hint(T.HintTime(), await TimesAsync(""));
            }
        }

        private LocalTime HoldTime => HourMinute.Parse(_s.HoldTime!).Value;

        private LocalTime HoldEnds => Instant.FromUnixTimeMilliseconds(_s.HoldExpiresMs).InZone(_e._office.Zone).TimeOfDay;

        private bool HoldLapsed => _e._clock.GetCurrentInstant() >= Instant.FromUnixTimeMilliseconds(_s.HoldExpiresMs);

        private async Task<string> LapsedAsync()
        {
            GatewayMetrics.HoldsLapsed.Add(1);
            _s.Page = 0;
            await FireAsync(Trigger.HoldLapsed);
            return await TimesAsync(T.HoldLapsed() + "\n");
        }

        private async Task<string> NameAsync(string raw, Keyword keyword)
        {
            if (HoldLapsed)
            {
                return await LapsedAsync();
            }
            if (keyword != Keyword.None || !TryName(raw, out var name))
            {
                return T.InvalidName();
            }
            _s.Name = name;
            await FireAsync(Trigger.NameGiven);
            return SummaryText();
        }

        private string SummaryText()
        {
            var agenda = Agenda!;
            var activity = agenda.FindActivity(_s.ActivityId!)!;
            return T.Summary(agenda.Name.In(_s.Language), activity.Name.In(_s.Language), Date!.Value, HoldTime, _s.Name!, HoldEnds);
        }

        private async Task<string> ConfirmAsync(Keyword keyword)
        {
            if (keyword == Keyword.No)
            {
                var quick = _s.Quick;
                await FireAsync(Trigger.Abandoned);
                _s.ClearBooking();
                return quick ? T.Declined() : T.HoldReleased();
            }
            if (keyword != Keyword.Yes)
            {
                // The summary with a long name would not fit beside the hint.
                return _s.Quick ? T.QuickHintConfirm() : T.HintConfirm();
            }
            // The hold as the snapshot knows it: no read of the phone's hold pointer.
            var hold = new Hold(_s.HoldId!, _phone, _s.AgendaId!, _s.ActivityId!, Date!.Value, HoldTime,
                Instant.FromUnixTimeMilliseconds(_s.HoldExpiresMs));
            var result = await _e._booking.ConfirmAsync(hold, _s.Name!, _phoneHasBookings, _e._notifications.RemindersFor);
            switch (result.Outcome)
            {
                case ConfirmOutcome.Confirmed:
                case ConfirmOutcome.AlreadyConfirmed:
                    if (result.Outcome == ConfirmOutcome.Confirmed)
                    {
                        GatewayMetrics.BookingsConfirmed.Add(1, new KeyValuePair<string, object?>("agenda", result.Booking!.AgendaId));
                    }
                    var holdId = _s.HoldId;
                    await FireAsync(Trigger.Confirmed);
                    _s.ClearBooking();
                    _s.HoldId = holdId; // answers a repeated ANO
                    return ConfirmedText(result.Booking!);
                case ConfirmOutcome.TooManyBookings:
                    await FireAsync(Trigger.Abandoned);
                    _s.ClearBooking();
                    return T.TooManyBookings(_e._booking.Options.MaxUpcomingPerAgenda);
                default:
                    return _s.Quick ? await QuickLapsedAsync() : await LapsedAsync();
            }
        }

        /// <summary>OBJ &lt;code&gt; [&lt;date&gt;] [&lt;time&gt;] &lt;name&gt;: holds the slot asked for, or the nearest free one, for ANO/NE.</summary>
        private async Task<string> QuickBookAsync(string input, string raw)
        {
            var tokens = input.Split(' ');
            var rawTokens = raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length < 2)
            {
                return T.QuickSyntax(AgendaCodes());
            }
            var agenda = FindByCode(tokens[1]);
            if (agenda is null)
            {
                return T.UnknownAgendaCode(Echo(tokens[1]), AgendaCodes());
            }
            var i = 2;
            LocalDate? date = null;
            LocalTime? time = null;
            if (i < tokens.Length && TryTypedDate(tokens[i], out var d))
            {
                date = d;
                i++;
            }
            if (i < tokens.Length && TryTypedTime(tokens[i], out var t))
            {
                time = t;
                i++;
            }
            var nameTokens = rawTokens.Length == tokens.Length ? rawTokens.Skip(i) : tokens.Skip(i);
            if (!TryName(string.Join(' ', nameTokens), out var name))
            {
                return T.QuickSyntax(AgendaCodes());
            }
            _s.ClearBooking();
            _s.AgendaId = agenda.Id;
            _s.ActivityId = agenda.Activities[0].Id;
            _s.Name = name;
            _s.Quick = true;
            return await OfferNearestAsync(date, time, prefix: "");
        }

        /// <summary>Holds the requested slot if free, else the nearest free one (within 7 days when nothing was asked
        /// for), and offers it.</summary>
        private async Task<string> OfferNearestAsync(LocalDate? date, LocalTime? time, string prefix)
        {
            var agenda = Agenda!;
            var calendar = _e._booking.Calendar;
            var now = _e._clock.GetCurrentInstant();
            var today = calendar.Today();
            Instant target;
            IEnumerable<LocalDate> days;
            if (date is null && time is null)
            {
                target = now;
                days = Enumerable.Range(0, 8).Select(n => today.PlusDays(n));
            }
            else
            {
                var day = date ?? (time is { } at && calendar.ToInstant(today, at) <= now ? today.PlusDays(1) : today);
                target = calendar.ToInstant(day, time ?? LocalTime.Midnight);
                days = Enumerable.Range(-7, 15).Select(n => day.PlusDays(n)).Where(x => x >= today && x <= calendar.LastBookableDate());
            }
            var free = new List<Slot>();
            foreach (var day in days)
            {
                free.AddRange(await _e._booking.FreeSlotsAsync(agenda, day));
            }
            var candidates = free.OrderBy(s => Math.Abs((s.StartInstant - target).TotalTicks)).ThenBy(s => s.StartInstant).Take(3);
            foreach (var slot in candidates)
            {
                var result = await _e._booking.HoldAsync(_phone, agenda, _s.ActivityId!, slot.Date, slot.Start, _phoneHasBookings);
                if (result.Outcome == HoldOutcome.TooManyBookings)
                {
                    await AbandonIfBookingAsync();
                    return prefix + T.TooManyBookings(_e._booking.Options.MaxUpcomingPerAgenda);
                }
                if (result.Outcome != HoldOutcome.Placed)
                {
                    continue; // taken a moment ago: the next nearest
                }
                GatewayMetrics.HoldsPlaced.Add(1);
                var asked = date is not null && time is not null && slot.Date == date && slot.Start == time;
                _s.Date = LocalDatePattern.Iso.Format(slot.Date);
                _s.HoldId = result.Hold!.Id;
                _s.HoldTime = HourMinute.Format(slot.Start);
                _s.HoldExpiresMs = result.Hold.ExpiresAt.ToUnixTimeMilliseconds();
                await FireAsync(Trigger.QuickHeld);
                return prefix + T.QuickOffer(agenda.Name.In(_s.Language), slot.Date, slot.Start, _s.Name!, HoldEnds, asked || (date is null && time is null));
            }
            await AbandonIfBookingAsync();
            return prefix + T.QuickNothingFree(agenda.Name.In(_s.Language), 7);
        }

        private async Task AbandonIfBookingAsync()
        {
            if (_machine.CanFire(Trigger.Abandoned))
            {
                await FireAsync(Trigger.Abandoned);
            }
            _s.ClearBooking();
        }

        /// <summary>ANO after the hold of a one-message booking lapsed: the same slot if it is still free, else the nearest.</summary>
        private async Task<string> QuickLapsedAsync()
        {
            GatewayMetrics.HoldsLapsed.Add(1);
            var agenda = Agenda!;
            var date = Date!.Value;
            var time = HoldTime;
            var again = await _e._booking.HoldAsync(_phone, agenda, _s.ActivityId!, date, time, _phoneHasBookings);
            if (again.Outcome == HoldOutcome.Placed)
            {
                GatewayMetrics.HoldsPlaced.Add(1);
                _s.HoldId = again.Hold!.Id;
                _s.HoldExpiresMs = again.Hold.ExpiresAt.ToUnixTimeMilliseconds();
                return T.HoldLapsedButStillFree(HoldEnds);
            }
            return await OfferNearestAsync(date, time, T.TakenMeanwhile() + "\n");
        }

        /// <summary>VOLNO &lt;code&gt; [&lt;date&gt;]: the free times of that day (or the first day with any), soonest first.</summary>
        private async Task<string> FreeTimesAsync(string input)
        {
            var tokens = input.Split(' ');
            if (tokens.Length < 2)
            {
                return T.UnknownAgendaCode("", AgendaCodes());
            }
            var agenda = FindByCode(tokens[1]);
            if (agenda is null)
            {
                return T.UnknownAgendaCode(Echo(tokens[1]), AgendaCodes());
            }
            LocalDate? day = null;
            if (tokens.Length > 2 && TryTypedDate(tokens[2], out var typed))
            {
                day = typed;
            }
            day ??= (await _e._booking.FreeDaysAsync(agenda, 1)).Cast<LocalDate?>().FirstOrDefault();
            if (day is null)
            {
                return T.NoFreeTimesAhead(agenda.Name.In(_s.Language));
            }
            var slots = await _e._booking.FreeSlotsAsync(agenda, day.Value);
            return slots.Count == 0
                ? T.NoFreeTimes(day.Value)
                : T.FreeTimes(agenda.Name.In(_s.Language), day.Value, slots.Take(MaxFreeTimesListed).Select(s => s.Start).ToList());
        }

        /// <summary>As many times as fit two segments beside the longest agenda name.</summary>
        private const int MaxFreeTimesListed = 40;

        private Agenda? FindByCode(string code) =>
            _e._office.Agendas.FirstOrDefault(a => a.Codes.Contains(code, StringComparer.OrdinalIgnoreCase) || string.Equals(a.Id, code, StringComparison.OrdinalIgnoreCase));

        private string AgendaCodes() =>
            string.Join(", ", _e._office.Agendas.Select(a => $"{string.Join("/", a.Codes)} {a.Name.In(_s.Language)}"));

        private async Task<string> RepeatConfirmAsync()
        {
            var result = await _e._booking.ConfirmAsync(_phone, _s.HoldId!, "");
            _s.ClearHold();
            return result.Outcome == ConfirmOutcome.AlreadyConfirmed ? T.AlreadyConfirmed(result.Booking!) : await GreetAsync();
        }

        private string ConfirmedText(Booking booking)
        {
            var window = _e._booking.WindowOf(booking);
            var zone = _e._office.Zone;
            return T.Confirmed(booking, AgendaName(booking.AgendaId), _e._office.Place.In(_s.Language),
                window.Opens.InZone(zone).TimeOfDay, window.Closes.InZone(zone).TimeOfDay);
        }

        private string AgendaName(string agendaId) => _e._office.FindAgenda(agendaId)?.Name.In(_s.Language) ?? agendaId;

        private async Task<string> PageOnAsync()
        {
            await FireAsync(Trigger.PagedOn);
            var next = _s.Page + 1;
            _s.Page = next;
            var text = _s.State == State.ChoosingDay ? await DaysAsync("") : await TimesAsync("");
            // Paged past the end: the list starts over, and the citizen is told.
            return _s.Page == next ? text : T.NoMorePages() + "\n" + text;
        }

        private async Task<string> MyBookingsAsync()
        {
            var bookings = await _e._booking.UpcomingAsync(_phone);
            return bookings.Count == 0
                ? T.NoBookings()
                : T.MyBookings(bookings.Select(b => T.BookingLine(b, withPin: true)).ToList());
        }

        private async Task<string> CancelAsync()
        {
            if (_machine.IsInState(State.Booking))
            {
                await FireAsync(Trigger.Abandoned);
                _s.ClearBooking();
                return T.HoldReleased();
            }
            var bookings = await _e._booking.UpcomingAsync(_phone);
            if (bookings.Count == 0)
            {
                if (_s.State == State.ChoosingCancellation)
                {
                    await FireAsync(Trigger.Abandoned);
                }
                return T.NothingToCancel();
            }
            _s.Options = bookings.Select(b => b.Code).ToList();
            if (_s.State == State.Idle)
            {
                await FireAsync(Trigger.CancellationListed);
            }
            return T.ChooseCancellation(bookings.Select(b => T.BookingLine(b, withPin: false)).ToList());
        }

        private async Task<string> CancellationChoiceAsync(string input)
        {
            if (!TryNumber(input, _s.Options.Count, out var index))
            {
                return Hint(T.HintNumber(_s.Options.Count), await CancelAsync());
            }
            var code = _s.Options[index];
            var cancelled = await _e._booking.CancelAsync(_phone, code);
            _s.Options.Clear();
            await FireAsync(Trigger.BookingCancelled);
            return cancelled is null ? T.UnknownCode(code) : T.Cancelled(code);
        }

        private async Task<string> CancelByCodeAsync(string code)
        {
            var cancelled = await _e._booking.CancelAsync(_phone, code);
            return cancelled is null ? T.UnknownCode(Echo(code.ToUpperInvariant())) : T.Cancelled(cancelled.Code);
        }

        private static string Hint(string hint, string prompt) => hint + "\n" + prompt;

        private static bool TryNumber(string input, int count, out int index)
        {
            index = -1;
            var trimmed = input.TrimEnd('.', ')');
            if (trimmed.Length is 0 or > 3 || !int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > count)
            {
                return false;
            }
            index = n - 1;
            return true;
        }

        /// <summary><c>15.12.</c>, <c>15.12</c> or <c>15.12.2026</c>; without a year, the next such day from today.</summary>
        private bool TryTypedDate(string input, out LocalDate date)
        {
            date = default;
            var parts = input.Replace(" ", "").Split('.', '/');
            if (parts.Length < 2 || parts.Length > 3)
            {
                return false;
            }
            if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var month))
            {
                return false;
            }
            var today = _e._booking.Calendar.Today();
            var year = today.Year;
            if (parts.Length == 3 && parts[2].Length > 0 && !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out year))
            {
                return false;
            }
            if (month is < 1 or > 12 || day < 1 || year < today.Year || year > today.Year + 1 || day > CalendarSystem.Iso.GetDaysInMonth(year, month))
            {
                return false;
            }
            date = new LocalDate(year, month, day);
            if (parts.Length == 2 || parts[2].Length == 0)
            {
                if (date < today && day <= CalendarSystem.Iso.GetDaysInMonth(year + 1, month))
                {
                    date = new LocalDate(year + 1, month, day);
                }
            }
            return true;
        }

        /// <summary><c>9:30</c>, <c>09:30</c> or <c>9.30</c>.</summary>
        private static bool TryTypedTime(string input, out LocalTime time)
        {
            time = default;
            var parts = input.Replace(" ", "").Split(':', '.');
            if (parts.Length != 2 || parts[1].Length != 2
                || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                || h > 23 || m > 59)
            {
                return false;
            }
            time = new LocalTime(h, m);
            return true;
        }

        /// <summary>What the citizen typed, repeated in a reply only when it is short and plain GSM-7: an emoji or a
        /// long word would make the reply UCS-2 or longer than two segments.</summary>
        private static string Echo(string typed) =>
            typed.Length <= 12 && SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(typed)) ? typed : "?";

        /// <summary>2-100 letters of the Latin script (with any diacritics), spaces, hyphens, apostrophes and dots;
        /// inner spaces collapsed. Latin only: the office's records are, and a name in another script would turn every
        /// SMS that repeats it into UCS-2, more than two segments.</summary>
        private static bool TryName(string raw, out string name)
        {
            name = string.Join(' ', raw.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (name.Length is < 2 or > MaxNameLength)
            {
                return false;
            }
            foreach (var c in name)
            {
                if (!(char.IsLetter(c) && SmsEncoding.IsGsm7(SmsEncoding.ToGsmFriendly(c.ToString())) || c is ' ' or '-' or '\'' or '.' or '’'))
                {
                    return false;
                }
            }
            return name.Any(char.IsLetter);
        }
    }
}
