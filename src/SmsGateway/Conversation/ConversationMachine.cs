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
public sealed partial class ConversationMachine
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
    private readonly StateMachine<State, Trigger>.TriggerWithParameters<MoveList> _moveListed;
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

    /// <summary>Lists the bookings to move; the day, time or part of the day said with the move waits for the one picked.</summary>
    public Task MoveListedAsync(MoveList list) => _machine.FireAsync(_moveListed, list);

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
