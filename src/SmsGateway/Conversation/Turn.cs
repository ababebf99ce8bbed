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

    internal Turn(string phone, ConversationSnapshot snapshot, bool phoneHasBookings, BookingService booking, OfficeSettings office, TextCatalog texts)
    {
        Phone = phone;
        Snapshot = snapshot;
        PhoneHasBookings = phoneHasBookings;
        _booking = booking;
        _office = office;
        _texts = texts;
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
        await _booking.ReleaseHoldAsync(Phone);
        Snapshot.Hold = null;
    }

    /// <summary>True when the snapshot's hold has run out (or there is none).</summary>
    public bool HoldLapsedAt(Instant now) => Snapshot.Hold?.IsLiveAt(now) != true;
}
