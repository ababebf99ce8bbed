using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One message being handled: the phone, its snapshot and the machine built around it. Made by
/// <see cref="ConversationEngine"/> for each message and handed to the part that answers it.</summary>
/// <remarks>Not thread-safe: the caller holds the phone's lease while the message is handled.</remarks>
public sealed class Turn : ConversationMachine.IEffects
{
    private readonly BookingService _booking;
    private readonly OfficeSettings _office;
    private readonly TextCatalog _texts;
    private readonly IClock _clock;

    /// <summary>The phone's unit of work this message runs in.</summary>
    private readonly PhoneConversation _unit;

    /// <summary>The hold the store gave back during this message (live or lapsed), or null.</summary>
    private BookingCore.Holds.Hold? _released;

    internal Turn(PhoneConversation unit, BookingService booking, OfficeSettings office, TextCatalog texts, IClock clock)
    {
        _unit = unit;
        Phone = unit.Phone;
        Snapshot = unit.Snapshot;
        PhoneHasBookings = unit.HasBookings;
        _booking = booking;
        _office = office;
        _texts = texts;
        _clock = clock;
        Machine = ConversationMachine.Rent(Snapshot, this);
    }

    public string Phone { get; }

    /// <summary>The steps by state: the engine's table.</summary>
    internal Steps.ConversationSteps Steps { get; init; } = null!;

    /// <summary>The step the talk stands at.</summary>
    public Steps.IConversationStep Step => Steps[State];

    /// <summary>This message started the talk: the menu is asked with the greeting.</summary>
    public bool Greeted { get; set; }

    /// <summary>The agenda and activity were understood from words (the activity list skipped): the reply says back what
    /// was understood before what follows.</summary>
    public bool SayBack { get; set; }

    /// <summary>The free slots of the day just chosen, read once for the check and the list of times.</summary>
    public (LocalDate Day, IReadOnlyList<Slot> Slots)? Known { get; set; }

    public ConversationSnapshot Snapshot { get; }

    public ConversationMachine Machine { get; }

    /// <summary>False when the phone has never booked (read with its lease): the cap on bookings then needs no read.</summary>
    public bool PhoneHasBookings { get; }

    public ConversationState State => Snapshot.State;

    public Language Language => Snapshot.Language;

    public ConversationTexts Texts => _texts.For(Snapshot.Language);

    public Agenda? Agenda => Snapshot.AgendaId is null ? null : _office.FindAgenda(Snapshot.AgendaId);

    public Activity? Activity => Snapshot.ActivityId is null ? null : Agenda?.FindActivity(Snapshot.ActivityId);

    public bool AgendaHasSeveralActivities() => Agenda is { Activities.Count: > 1 };

    public Task GoOnAsync(ConversationState state) => Steps[state].GoOnAsync(this);

    /// <summary>Before what cannot be taken back: the phone's lease is taken now when the message began warm
    /// (<see cref="PhoneConversation.ExclusiveAsync"/>).</summary>
    public Task ExclusiveAsync() => _unit.ExclusiveAsync();

    /// <summary>What a booking's claim checks when the message began warm and has not taken the lease yet; else null.</summary>
    public BookingCore.Store.PhoneGuard? Guard => _unit.Guard;

    /// <summary>Holds the slot for the phone (<see cref="BookingService.HoldAsync"/>): the phone's pointer to it, and
    /// with <paramref name="lapseNotice"/> its lapse watch, are written when the message's unit of work closes, and only
    /// if the conversation still holds it then.</summary>
    public async Task<BookingCore.Holds.HoldResult> HoldAsync(Agenda agenda, string activityId, LocalDate date, LocalTime time, int party = 1, string? moving = null,
        bool lapseNotice = true)
    {
        var result = await _booking.HoldAsync(Phone, agenda, activityId, date, time, PhoneHasBookings, party, moving, pointed: false);
        if (result.Hold is { } hold)
        {
            await _unit.PlacedAsync(hold, lapseNotice);
        }
        return result;
    }

    public async Task ReleaseHoldAsync()
    {
        await _unit.ExclusiveAsync(); // the pointer's hold, once given back, is gone for good
        // The hold the pointer names (placed in an earlier message), and one placed in this message, not yet pointed to.
        _released = await _booking.ReleaseHoldAsync(Phone) ?? _released;
        _released = await _unit.GiveBackPlacedAsync() ?? _released;
        Snapshot.Hold = null;
    }

    /// <summary>The citizen gives up what is under way (STORNO, NE): the talk leaves it, and the machine gives back a
    /// slot held on the way out. True only when a hold still live was given back: the one case in which a reply may say
    /// that something was released (a lapsed hold was freed by its lapse, and the choosing steps hold nothing).</summary>
    public async Task<bool> LeaveAsync()
    {
        if (Machine.CanFire(ConversationTrigger.Abandoned))
        {
            await Machine.FireAsync(ConversationTrigger.Abandoned);
        }
        return _released?.IsLiveAt(_clock.GetCurrentInstant()) == true;
    }

    /// <summary>What the step the talk stands at asks, its list freshly read.</summary>
    public Task<string> PromptAsync(string prefix = "") => Step.PromptAsync(this, prefix);

    /// <summary>The hint of the step the talk stands at; counts the messages not understood in a row.</summary>
    public Task<string> HintAsync() => Step.HintAsync(this, ++Snapshot.Misread > 1);

    /// <summary>The reply once the talk went on: what the step it stands at now asks, after what was understood when it
    /// is to be said back.</summary>
    public async Task<string> WentOnAsync()
    {
        var reply = await PromptAsync();
        return SayBack ? SaidBack(reply) : reply;
    }

    /// <summary><c>Rozumim: Cestovni pasy - Podani zadosti o pas.</c> before <paramref name="reply"/> when the reply
    /// does not say it already (the summary does) and both fit the reply's segments.</summary>
    private string SaidBack(string reply)
    {
        if (Step.SaysWhatFor || Activity is not { } activity)
        {
            return reply;
        }
        var line = Texts.Format("Understood", ("agenda", Agenda!.Name.In(Language)), ("activity", activity.Name.In(Language)));
        return Texts.Fits(line + "\n" + reply) ? line + "\n" + reply : reply;
    }

    private object? _note;
    private ConversationState _noteAt;

    /// <summary>Keeps what a step found on the way (a day full, a time taken) for the prompt of <paramref name="at"/>
    /// in this message.</summary>
    public void Note(ConversationState at, object note)
    {
        _note = note;
        _noteAt = at;
    }

    /// <summary>The note kept for the step the talk stands at, if of that kind.</summary>
    public T? NoteOf<T>() where T : class => _noteAt == State ? _note as T : null;

    /// <summary>True when the snapshot's hold has run out (or there is none).</summary>
    public bool HoldLapsedAt(Instant now) => Snapshot.Hold?.IsLiveAt(now) != true;
}
