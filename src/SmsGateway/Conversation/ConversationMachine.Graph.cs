using Stateless;
using State = SmsBooking.SmsGateway.Conversation.ConversationState;
using Trigger = SmsBooking.SmsGateway.Conversation.ConversationTrigger;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The graph itself: each state's triggers, guards and entry actions (docs/conversation.md, where the diagram
/// drawn from it is kept).</summary>
public sealed partial class ConversationMachine
{
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
        _moveListed = machine.SetTriggerParameters<MoveList>(Trigger.MoveListed);
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
                _s.DaysFrom = t.Trigger == Trigger.PagedOn ? _s.DaysFrom : null;
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
                _s.Party = m.Party; // a party moves whole: the lists offer only where all of it fits
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
            .OnEntryFrom(_moveListed, list =>
            {
                _s.ClearBooking();
                _s.ShownMoves = list.Codes;
                list.Wish.KeepIn(_s); // presunout na ctvrtek v 10: the day and time wait for the booking picked
            }, "keep the listed codes and the day said")
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
}
