using Stateless;
using Stateless.Graph;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The conversation's graph. A fresh machine is built around the snapshot for every message; the state
/// lives in the snapshot, which the caller saves after <c>FireAsync</c> returns.</summary>
public static class ConversationMachine
{
    /// <summary>What the machine needs from outside: a guard's facts and the hold to release.</summary>
    public interface IEffects
    {
        /// <summary>True when the chosen agenda has more than one activity to choose from.</summary>
        bool AgendaHasSeveralActivities();

        /// <summary>Gives back the held slot; runs whenever the talk leaves the steps that keep a hold.</summary>
        Task ReleaseHoldAsync();
    }

    public static StateMachine<State, Trigger> Create(ConversationSnapshot snapshot, IEffects effects)
    {
        var machine = new StateMachine<State, Trigger>(() => snapshot.State, s => snapshot.State = s);

        machine.Configure(State.Idle)
            .Permit(Trigger.Greeted, State.ChoosingAgenda)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.CancellationListed, State.ChoosingCancellation)
            .Permit(Trigger.QuickHeld, State.Confirming);

        machine.Configure(State.Booking)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.Abandoned, State.Idle)
            .Permit(Trigger.QuickHeld, State.Confirming);

        machine.Configure(State.ChoosingAgenda)
            .SubstateOf(State.Booking)
            .PermitIf(Trigger.AgendaChosen, State.ChoosingActivity, effects.AgendaHasSeveralActivities, "several activities")
            .PermitIf(Trigger.AgendaChosen, State.ChoosingDay, () => !effects.AgendaHasSeveralActivities(), "one activity")
            .PermitReentry(Trigger.Back);

        machine.Configure(State.ChoosingActivity)
            .SubstateOf(State.Booking)
            .Permit(Trigger.ActivityChosen, State.ChoosingDay)
            .Permit(Trigger.Back, State.ChoosingAgenda);

        machine.Configure(State.ChoosingDay)
            .SubstateOf(State.Booking)
            .Permit(Trigger.DayChosen, State.ChoosingTime)
            .PermitReentry(Trigger.PagedOn)
            .PermitIf(Trigger.Back, State.ChoosingActivity, effects.AgendaHasSeveralActivities, "several activities")
            .PermitIf(Trigger.Back, State.ChoosingAgenda, () => !effects.AgendaHasSeveralActivities(), "one activity");

        machine.Configure(State.ChoosingTime)
            .SubstateOf(State.Booking)
            .Permit(Trigger.TimeHeld, State.EnteringName)
            .PermitReentry(Trigger.PagedOn)
            .PermitReentry(Trigger.SlotTaken)
            .Permit(Trigger.Back, State.ChoosingDay);

        // Both steps that keep a hold give it back when the talk leaves them for anything but each other.
        machine.Configure(State.EnteringName)
            .SubstateOf(State.Booking)
            .OnExitAsync(t => ReleaseUnlessHoldStays(t, effects))
            .Permit(Trigger.NameGiven, State.Confirming)
            .Permit(Trigger.HoldLapsed, State.ChoosingTime)
            .Permit(Trigger.Back, State.ChoosingTime);

        machine.Configure(State.Confirming)
            .SubstateOf(State.Booking)
            .OnExitAsync(t => ReleaseUnlessHoldStays(t, effects))
            .Permit(Trigger.Confirmed, State.Idle)
            .Permit(Trigger.HoldLapsed, State.ChoosingTime)
            .Permit(Trigger.Back, State.EnteringName);

        machine.Configure(State.ChoosingCancellation)
            .Permit(Trigger.BookingCancelled, State.Idle)
            .Permit(Trigger.Back, State.Idle)
            .Permit(Trigger.Abandoned, State.Idle)
            .Permit(Trigger.Restarted, State.ChoosingAgenda)
            .Permit(Trigger.QuickHeld, State.Confirming);

        return machine;
    }

    private static Task ReleaseUnlessHoldStays(StateMachine<State, Trigger>.Transition t, IEffects effects)
    {
        var holdStays = t.Destination is State.EnteringName or State.Confirming || t.Trigger == Trigger.Confirmed;
        return holdStays ? Task.CompletedTask : effects.ReleaseHoldAsync();
    }

    /// <summary>The diagram kept in docs/conversation.md.</summary>
    public static string Diagram()
    {
        var machine = Create(new ConversationSnapshot(), new DiagramEffects());
        return MermaidGraph.Format(machine.GetInfo());
    }

    private sealed class DiagramEffects : IEffects
    {
        public bool AgendaHasSeveralActivities() => true;

        public Task ReleaseHoldAsync() => Task.CompletedTask;
    }
}
