using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Queue;

/// <summary>The queue's SMS after a counter's "next": one "it is your turn, counter 3" to the citizen called (for
/// those who stepped outside), and one "your turn soon" to each booked citizen who is now within
/// <c>Queue:TurnSoonPosition</c> of the front. Both through the outbox, in the language of the phone's conversation.</summary>
/// <remarks>
/// <para>Where the place is counted: right after the call, from the queue as Redis holds it
/// (<see cref="ITurnNoticeStore.NearFrontAsync"/>, one script on the day's tag), by the gateway that made the call.
/// Two gateways calling at once may both read the same front, or a front two calls moved at once: a citizen is
/// therefore told when within the position, not only when exactly at it, and each SMS has a dedupe key
/// (<c>turnsoon:date:ticket</c>, <c>called:date:ticket:counter</c>), so no state of the race sends one twice or skips one.</para>
/// <para>At least once: the ticket is marked told only after its SMS is queued, so a gateway that dies in between
/// leaves it to the next call (whose enqueue the dedupe key turns into nothing if it had been queued).</para>
/// <para>A recall ("Znovu vyvolat") sends no second "called" SMS: the citizen has the counter's number already and
/// the board calls again. A later call to another counter (after a no-show or a transfer) sends one, since the first
/// names the wrong counter.</para>
/// <para>Nothing goes to a walk-in (no phone), to a booking without a real number, or to an opted-out number.</para>
/// </remarks>
public sealed class CallNotices(ITurnNoticeStore front, IBookingStore bookings, IPhoneStore phones, IOutbox outbox, TextCatalog texts,
    ConversationOptions conversation, IOptions<QueueNoticeOptions> options, IClock clock, ILogger<CallNotices> log) : IQueueCallObserver
{
    private readonly int _position = options.Value.TurnSoonPosition;

    public async Task CalledAsync(LocalDate date, Call call)
    {
        try
        {
            // Independent reads and writes, each a Redis round trip or a few: side by side, so the counter's answer
            // waits for the longest of them, not their sum (bench/README.md, the board run).
            await Task.WhenAll(CalledNoticeAsync(date, call), _position > 0 ? TurnSoonNoticesAsync(date) : Task.CompletedTask);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The call is made and the counter gets its answer; the next call looks at the front again.
            log.LogError("Queue SMS after the call of {Ticket} at counter {Counter} failed ({Error})", call.Ticket.Number, call.Counter, e.GetType().Name);
        }
    }

    private async Task CalledNoticeAsync(LocalDate date, Call call)
    {
        if (call.Ticket.BookingCode is not { } code || await bookings.GetBookingAsync(date, code) is not { } booking
            || await TextsForAsync(booking.Phone) is not { } t)
        {
            return;
        }
        var body = Fit(t.Called(call.Ticket.Number, call.Counter));
        await EnqueueAsync(new OutboundMessage(booking.Phone, body, "called", $"called:{Day(date)}:{call.Ticket.Number}:{call.Counter}", clock.GetCurrentInstant()));
    }

    private async Task TurnSoonNoticesAsync(LocalDate date)
    {
        await Task.WhenAll((await front.NearFrontAsync(date, _position)).Select(async near =>
        {
            if (!HasNumber(near.Booking.Phone))
            {
                await front.MarkToldAsync(date, near.Ticket.Number);
                return;
            }
            if (await TextsForAsync(near.Booking.Phone) is not { } t)
            {
                return; // opted out: nothing, and asked again at the next call should the number opt in meanwhile
            }
            var body = Fit(t.TurnSoon(near.Ticket.Number, near.Ahead));
            if (await EnqueueAsync(new OutboundMessage(near.Booking.Phone, body, "turnsoon", $"turnsoon:{Day(date)}:{near.Ticket.Number}", clock.GetCurrentInstant())))
            {
                await front.MarkToldAsync(date, near.Ticket.Number);
            }
        }));
    }

    /// <summary>A booking made for a caller without a number carries a placeholder that is no phone number.</summary>
    private static bool HasNumber(string phone) => phone.StartsWith('+');

    /// <summary>Queues the SMS; false when Redis replicas did not acknowledge it (the next call tries a "your turn soon"
    /// again; a "called" is then not sent, which the board makes up for).</summary>
    private async Task<bool> EnqueueAsync(OutboundMessage message)
    {
        try
        {
            if (await outbox.EnqueueAsync(message))
            {
                log.LogInformation("Queue SMS {Kind} queued for {Phone}", message.Kind, PhoneMask.Mask(message.To));
            }
            return true;
        }
        catch (ReplicasBehindException e)
        {
            GatewayMetrics.ReplicaAcksMissed.Add(1, new KeyValuePair<string, object?>("step", e.Step));
            log.LogWarning("Redis replicas did not acknowledge the {Kind} to {Phone}", message.Kind, PhoneMask.Mask(message.To));
            return false;
        }
    }

    /// <summary>The texts in the language of the phone's conversation; null for a phone that may not be told (no real
    /// number, or opted out). The opt-out and the conversation are read in one round trip.</summary>
    private async Task<ConversationTexts?> TextsForAsync(string phone)
    {
        if (!HasNumber(phone))
        {
            return null;
        }
        var look = await phones.LookAsync(phone);
        return look.OptedOut ? null : texts.For(ConversationSnapshot.FromJson(look.Snapshot).Language);
    }

    private string Fit(string text) => conversation.UseDiacritics ? text : SmsEncoding.ToGsmFriendly(text);

    private static string Day(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
