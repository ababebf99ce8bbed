using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Opens a phone's unit of work (<see cref="PhoneConversation"/>): lease, snapshot, opt-out and whether the
/// phone ever booked in one round trip, and for an inbound message also its rate count and replay check.</summary>
public sealed class PhoneConversations
{
    private readonly IPhoneStore _phones;
    private readonly IBookingStore _store;
    private readonly NodaTime.IClock _clock;
    private readonly ConversationOptions _options;

    public PhoneConversations(IPhoneStore phones, IBookingStore store, NodaTime.IClock clock, ConversationOptions options)
    {
        _phones = phones;
        _store = store;
        _clock = clock;
        _options = options;
    }

    /// <summary>What opening for an inbound message found.</summary>
    /// <param name="Conversation">The unit of work, or null: the lease is held by another message, the message was
    /// seen before, or it was not to get one (over the rate, or refused).</param>
    public sealed record Opening(PhoneConversation? Conversation, long Count, bool MessageSeen, bool OptedOut);

    /// <summary>Counts the message in the phone's <paramref name="rateWindow"/>, remembers it at first sight and, unless
    /// it is a replay or the count passes <paramref name="maxCount"/> (0: no lease), takes the lease: one round trip.</summary>
    public async Task<Opening> OpenForMessageAsync(string phone, InboundMessage message, TimeSpan rateWindow, long maxCount)
    {
        var opening = await _phones.OpenAsync(new PhoneOpen(phone, _options.LeaseDuration) { RateWindow = rateWindow, MaxCount = maxCount, Message = message });
        return new Opening(Wrap(opening.Lease), opening.Count, opening.MessageSeen, opening.OptedOut);
    }

    /// <summary>The phone's unit of work if its lease is free now, else null (the citizen is texting right now).</summary>
    public async Task<PhoneConversation?> TryOpenAsync(string phone) =>
        Wrap((await _phones.OpenAsync(new PhoneOpen(phone, _options.LeaseDuration))).Lease);

    /// <summary>Waits for the phone's lease (another message of the phone is being answered) up to
    /// <see cref="ConversationOptions.LeaseWait"/>, trying again after 5 ms, doubling up to 100 ms; null when it stayed
    /// held.</summary>
    public async Task<PhoneConversation?> WaitAsync(string phone, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var conversation = await TryOpenAsync(phone);
            if (conversation is not null || waited >= _options.LeaseWait)
            {
                return conversation;
            }
            await Task.Delay(delay, cancellationToken);
            waited += delay;
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    private PhoneConversation? Wrap(PhoneLease? lease) => lease is null ? null : new PhoneConversation(_phones, _store, _clock, lease, _options.IdleExpiry);
}
