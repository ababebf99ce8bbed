using Stateless;
using Stateless.Graph;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The conversation's graph (docs/conversation.md). A machine is built around a phone's snapshot for each
/// message; the state lives in the snapshot, which the caller saves after the message is handled. Triggers carry what
/// the citizen said (<see cref="AgendaChosenAsync"/>, <see cref="DayChosenAsync"/>, ...) and the states' entry actions
/// put it into the snapshot and clear what no longer holds, so no caller writes the snapshot's booking data itself.</summary>
/// <remarks>Not thread-safe: one phone's messages are handled one at a time (the phone's lease). Building the graph
/// costs more than the rest of a message (about 27 KB), so machines are kept in a pool and bound to the message's
/// snapshot (<see cref="Rent"/>, <see cref="Return"/>): the graph reads the snapshot and the effects through the machine,
/// never through a captured variable, and holds nothing else between messages.</remarks>
public sealed class ConversationMachine
{
    private const int PoolSize = 256;
    private static readonly System.Collections.Concurrent.ConcurrentBag<ConversationMachine> Pool = new();

    /// <summary>What an unbound machine reads (Stateless reads the state when the machine is built).</summary>
    private static readonly ConversationSnapshot Unbound = new();

    private ConversationSnapshot _s = Unbound;
    private IEffects _effects = null!;

    /// <summary>What the machine needs from outside: a guard's fact and the hold to give back.</summary>
    public interface IEffects
    {
        /// <summary>True when the chosen agenda has more than one activity to choose from.</summary>
        bool AgendaHasSeveralActivities();

        /// <summary>Gives back the held slot; runs whenever the talk leaves the steps that keep a hold.</summary>
        Task ReleaseHoldAsync();

        /// <summary>The step <paramref name="state"/> takes what was said ahead for it (the entry actions of the day, time
        /// and name steps, and <see cref="ConversationTrigger.Said"/>): it may fire the next trigger, which the machine
        /// queues until the current transition is done. Nothing by default (a machine that only makes an offer).</summary>
        Task GoOnAsync(State state) => Task.CompletedTask;
    }

    private readonly StateMachine<State, Trigger> _machine;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<OfficeChoice> _agendaChosen;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<BookingCore.Calendar.Activity> _activityChosen;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<NodaTime.LocalDate> _dayChosen;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<HeldSlot> _timeHeld;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _nameGiven;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<HeldSlot> _confirmed;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<List<string>> _cancellationListed;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<string> _cancellationPicked;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<QuickOffer> _quickHeld;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<List<string>> _moveListed;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<MoveChoice> _moveChosen;
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<Wish> _said;

    /// <summary>A machine of its own around <paramref name="snapshot"/> (a test, a tool).</summary>
    public ConversationMachine(ConversationSnapshot snapshot, IEffects effects)
        : this()
    {
        _s = snapshot;
        _effects = effects;
    }

    /// <summary>A machine from the pool, bound to this message's snapshot; give it back with <see cref="Return"/>.</summary>
    public static ConversationMachine Rent(ConversationSnapshot snapshot, IEffects effects)
    {
        if (!Pool.TryTake(out var machine))
        {
            machine = new ConversationMachine();
        }
        machine._s = snapshot;
        machine._effects = effects;
        return machine;
    }

    /// <summary>Gives the machine back once the message is handled. A message that failed half-way does not give its
    /// machine back (it is left to the garbage collector), so a pooled machine never carries a firing cut short.</summary>
    public void Return()
    {
        _s = Unbound;
        _effects = null!;
        if (Pool.Count < PoolSize)
        {
            Pool.Add(this);
        }
    }

    private ConversationMachine()
    {
        var machine = new StateMachine<State, Trigger>(() => _s.State, state => _s.State = state, FiringMode.Queued);
        var effects = new BoundEffects(this);
        _machine = machine;
        _agendaChosen = machine.SetTriggerParameters<OfficeChoice>(Trigger.AgendaChosen);
        _activityChosen = machine.SetTriggerParameters<BookingCore.Calendar.Activity>(Trigger.ActivityChosen);
        _dayChosen = machine.SetTriggerParameters<NodaTime.LocalDate>(Trigger.DayChosen);
        _timeHeld = machine.SetTriggerParameters<HeldSlot>(Trigger.TimeHeld);
        _nameGiven = machine.SetTriggerParameters<string>(Trigger.NameGiven);
        _confirmed = machine.SetTriggerParameters<HeldSlot>(Trigger.Confirmed);
        _cancellationListed = machine.SetTriggerParameters<List<string>>(Trigger.CancellationListed);
        _cancellationPicked = machine.SetTriggerParameters<string>(Trigger.CancellationPicked);
        _quickHeld = machine.SetTriggerParameters<QuickOffer>(Trigger.QuickHeld);
        _moveListed = machine.SetTriggerParameters<List<string>>(Trigger.MoveListed);
        _moveChosen = machine.SetTriggerParameters<MoveChoice>(Trigger.MoveChosen);
        _said = machine.SetTriggerParameters<Wish>(Trigger.Said);

        machine.Configure(State.Idle)
            .OnEntry(() => _s.ClearBooking(), "forget the booking")
            .Permit(Trigger.Greeted, State.ChoosingAgenda)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.CancellationListed, State.ChoosingCancellation)
            .Permit(Trigger.QuickHeld, State.QuickConfirming)
            .Permit(Trigger.MoveListed, State.ChoosingMove)
            .Permit(Trigger.MoveChosen, State.ChoosingDay);

        machine.Configure(State.JustBooked)
            .OnEntryFrom(_confirmed, held =>
            {
                _s.ClearBooking();
                _s.ConfirmedHoldId = held.Id;
            }, "keep the confirmed hold's id")
            .Permit(Trigger.MovedOn, State.Idle);

        machine.Configure(State.Booking)
            .InternalTransitionIf(_said, wish => wish.Any, (wish, _) => wish.KeepIn(_s), "anything said")
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.Abandoned, State.Idle)
            .Permit(Trigger.QuickHeld, State.QuickConfirming);

        machine.Configure(State.ChoosingAgenda)
            .SubstateOf(State.Booking)
            .OnEntry(() => _s.ClearBooking(), "forget the booking")
            .PermitIf(_agendaChosen, State.ChoosingActivity, c => c.NeedsActivity, "activity to ask")
            .PermitIf(_agendaChosen, State.ChoosingDay, c => !c.NeedsActivity, "activity known")
            .PermitReentry(Trigger.Back);

        machine.Configure(State.ChoosingActivity)
            .SubstateOf(State.Booking)
            .OnEntry(() =>
            {
                _s.ActivityId = null;
                _s.Day = null;
                _s.ClearShown();
            }, "forget the activity")
            .OnEntryFrom(_agendaChosen, c => _s.AgendaId = c.Agenda.Id, "set the agenda")
            // Another agenda named outright at this step (pas at the identity cards' activities).
            .PermitReentryIf(_agendaChosen, c => c.NeedsActivity, "activity to ask")
            .PermitIf(_agendaChosen, State.ChoosingDay, c => !c.NeedsActivity, "activity known")
            .Permit(Trigger.ActivityChosen, State.ChoosingDay)
            .Permit(Trigger.Back, State.ChoosingAgenda);

        machine.Configure(State.ChoosingDay)
            .SubstateOf(State.Booking)
            .OnEntry(t =>
            {
                _s.Day = null;
                _s.Page = t.Trigger == Trigger.PagedOn ? _s.Page + 1 : 0;
                _s.ClearShown();
            }, "forget the day; DALSI turns the page")
            .OnEntryFrom(_agendaChosen, c =>
            {
                _s.AgendaId = c.Agenda.Id;
                _s.ActivityId = c.Known!.Id;
            }, "set the agenda and activity")
            .OnEntryFrom(_activityChosen, a => _s.ActivityId = a.Id, "set the activity")
            .OnEntryFrom(_moveChosen, m =>
            {
                _s.ClearBooking();
                _s.AgendaId = m.AgendaId;
                _s.ActivityId = m.ActivityId;
                _s.Name = m.Name;
                _s.Moving = m.Booking;
            }, "set the booking to move")
            .OnEntryAsync(() => effects.GoOnAsync(State.ChoosingDay), "take a day said ahead")
            .Permit(Trigger.DayChosen, State.ChoosingTime)
            .PermitReentry(Trigger.PagedOn)
            .PermitIf(Trigger.Back, State.ChoosingActivity, effects.AgendaHasSeveralActivities, "several activities")
            .PermitIf(Trigger.Back, State.ChoosingAgenda, () => !effects.AgendaHasSeveralActivities(), "one activity");

        machine.Configure(State.ChoosingTime)
            .SubstateOf(State.Booking)
            .OnEntry(t =>
            {
                _s.Hold = null;
                _s.Page = t.Trigger == Trigger.PagedOn ? _s.Page + 1 : 0;
                _s.ClearShown();
            }, "no hold; DALSI turns the page")
            .OnEntryFrom(Trigger.HoldLapsed, ForgetNameUnlessMoving, "forget the name unless moving")
            .OnEntryFrom(_dayChosen, day =>
            {
                _s.Day = day;
                _s.WantedFrom = null;
                _s.WantedTo = null;
            }, "set the day")
            .OnEntryAsync(() => effects.GoOnAsync(State.ChoosingTime), "hold a time said ahead")
            .Permit(Trigger.TimeHeld, State.EnteringName)
            .PermitReentry(Trigger.PagedOn)
            .PermitReentry(Trigger.SlotTaken)
            .Permit(Trigger.Back, State.ChoosingDay);

        // The steps that keep a hold: leaving them for anything but each other gives the hold back, unless it became
        // the booking. Being here is what "a slot is held" means to the rest of the conversation (STORNO, NE).
        machine.Configure(State.Holding)
            .SubstateOf(State.Booking)
            .OnExitAsync(t => t.Trigger == Trigger.Confirmed ? Task.CompletedTask : effects.ReleaseHoldAsync(), "release the hold unless confirmed");

        machine.Configure(State.EnteringName)
            .SubstateOf(State.Holding)
            .OnEntryFrom(_timeHeld, held =>
            {
                _s.Hold = held;
                _s.WantedTime = null;
                _s.WantedPart = null;
                _s.ClearShown();
            }, "keep the hold")
            .OnEntryFrom(Trigger.Back, ForgetNameUnlessMoving, "forget the name unless moving")
            .OnEntryFromAsync(_timeHeld, _ => effects.GoOnAsync(State.EnteringName), "take a name said ahead")
            .Permit(Trigger.NameGiven, State.Confirming)
            .Permit(Trigger.HoldLapsed, State.ChoosingTime)
            .Permit(Trigger.Back, State.ChoosingTime);

        machine.Configure(State.Confirming)
            .SubstateOf(State.Holding)
            .OnEntryFrom(_nameGiven, name => _s.Name = name, "set the name")
            .Permit(Trigger.Confirmed, State.JustBooked)
            .Permit(Trigger.HoldLapsed, State.ChoosingTime)
            .Permit(Trigger.Back, State.EnteringName);

        machine.Configure(State.QuickConfirming)
            .SubstateOf(State.Holding)
            .OnEntryFrom(_quickHeld, offer =>
            {
                _s.ClearBooking();
                _s.AgendaId = offer.Agenda.Id;
                _s.ActivityId = offer.Activity.Id;
                _s.Day = offer.Hold.Day;
                _s.Hold = offer.Hold;
                _s.Name = offer.Name;
                _s.Party = offer.Hold.Party;
                _s.Moving = offer.Moving;
            }, "keep the offer")
            .Permit(Trigger.Confirmed, State.JustBooked)
            .PermitReentry(Trigger.QuickHeld);

        machine.Configure(State.ChoosingCancellation)
            .OnEntryFrom(_cancellationListed, codes =>
            {
                _s.ClearBooking();
                _s.ShownCodes = codes;
            }, "keep the listed codes")
            .PermitReentry(Trigger.CancellationListed)
            .Permit(Trigger.CancellationPicked, State.ConfirmingCancellation)
            .Permit(Trigger.Back, State.Idle)
            .Permit(Trigger.Abandoned, State.Idle)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.QuickHeld, State.QuickConfirming);

        machine.Configure(State.ConfirmingCancellation)
            .OnEntryFrom(_cancellationPicked, code => _s.ShownCodes = [code], "keep the picked code")
            .Permit(Trigger.BookingCancelled, State.Idle)
            .Permit(Trigger.Back, State.ChoosingCancellation)
            .Permit(Trigger.CancellationListed, State.ChoosingCancellation)
            .Permit(Trigger.Abandoned, State.Idle)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.QuickHeld, State.QuickConfirming);

        machine.Configure(State.ChoosingMove)
            .OnEntryFrom(_moveListed, codes =>
            {
                _s.ClearBooking();
                _s.ShownMoves = codes;
            }, "keep the listed codes")
            .PermitReentry(Trigger.MoveListed)
            .Permit(Trigger.MoveChosen, State.ChoosingDay)
            .Permit(Trigger.Back, State.Idle)
            .Permit(Trigger.Abandoned, State.Idle)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.QuickHeld, State.QuickConfirming);
    }

    /// <summary>The name of a booking being moved is the booking's own: never asked again.</summary>
    private void ForgetNameUnlessMoving()
    {
        if (_s.Moving is null)
        {
            _s.Name = null;
        }
    }

    public State State => _machine.State;

    public bool IsInState(State state) => _machine.IsInState(state);

    public bool CanFire(Trigger trigger) => _machine.CanFire(trigger);

    /// <summary>Fires a trigger that carries nothing.</summary>
    public Task FireAsync(Trigger trigger) => _machine.FireAsync(trigger);

    public Task AgendaChosenAsync(OfficeChoice choice) => _machine.FireAsync(_agendaChosen, choice);

    public Task ActivityChosenAsync(BookingCore.Calendar.Activity activity) => _machine.FireAsync(_activityChosen, activity);

    public Task DayChosenAsync(NodaTime.LocalDate day) => _machine.FireAsync(_dayChosen, day);

    public Task TimeHeldAsync(HeldSlot held) => _machine.FireAsync(_timeHeld, held);

    public Task NameGivenAsync(string name) => _machine.FireAsync(_nameGiven, name);

    public Task ConfirmedAsync(HeldSlot held) => _machine.FireAsync(_confirmed, held);

    public Task CancellationListedAsync(List<string> codes) => _machine.FireAsync(_cancellationListed, codes);

    public Task CancellationPickedAsync(string code) => _machine.FireAsync(_cancellationPicked, code);

    public Task MoveListedAsync(List<string> codes) => _machine.FireAsync(_moveListed, codes);

    /// <summary>Starts moving a booking: its agenda, activity and name are kept, its new day is asked.</summary>
    public Task MoveChosenAsync(MoveChoice choice) => _machine.FireAsync(_moveChosen, choice);

    /// <summary>Keeps what the message said for the steps of the booking, and has the step the talk stands at take its
    /// part at once (the day at the day step, the time at the time step), as its entry action would have on arrival.
    /// Nothing when the message said nothing for them.</summary>
    public async Task SaidAsync(Wish wish)
    {
        if (wish.Any)
        {
            await _machine.FireAsync(_said, wish);
            await _effects.GoOnAsync(_s.State);
        }
    }

    /// <summary>Offers a slot already held for the phone: the conversation waits for ANO (books it for the offer's name)
    /// or NE. The one method for "offer this held slot, ANO takes it": the one-message booking uses it, and so may the
    /// office's own tools. A hold under way that is not the offer's is released (the store keeps one hold a phone).</summary>
    public Task OfferHeldAsync(QuickOffer offer) => _machine.FireAsync(_quickHeld, offer);

    /// <summary>The effects of the message the machine is bound to.</summary>
    private sealed class BoundEffects(ConversationMachine machine) : IEffects
    {
        public bool AgendaHasSeveralActivities() => machine._effects.AgendaHasSeveralActivities();

        public Task ReleaseHoldAsync() => machine._effects.ReleaseHoldAsync();

        public Task GoOnAsync(State state) => machine._effects.GoOnAsync(state);
    }

    /// <summary>The diagram kept in docs/conversation.md.</summary>
    public static string Diagram() =>
        MermaidGraph.Format(new ConversationMachine(new ConversationSnapshot(), new NoEffects())._machine.GetInfo());

    private sealed class NoEffects : IEffects
    {
        public bool AgendaHasSeveralActivities() => true;

        public Task ReleaseHoldAsync() => Task.CompletedTask;
    }
}
