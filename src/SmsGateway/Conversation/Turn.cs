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

    /// <summary>The hold the store gave back during this message (live or lapsed), or null.</summary>
    private BookingCore.Holds.Hold? _released;

    internal Turn(string phone, ConversationSnapshot snapshot, bool phoneHasBookings, BookingService booking, OfficeSettings office, TextCatalog texts,
        IClock clock)
    {
        Phone = phone;
        Snapshot = snapshot;
        PhoneHasBookings = phoneHasBookings;
        _booking = booking;
        _office = office;
        _texts = texts;
        _clock = clock;
        Machine = ConversationMachine.Rent(snapshot, this);
    }

    public string Phone { get; }

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

    public async Task ReleaseHoldAsync()
    {
        _released = await _booking.ReleaseHoldAsync(Phone) ?? _released;
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

    /// <summary>True when the snapshot's hold has run out (or there is none).</summary>
    public bool HoldLapsedAt(Instant now) => Snapshot.Hold?.IsLiveAt(now) != true;
}
