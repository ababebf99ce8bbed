namespace SmsBooking.BookingCore.Outbound;

/// <summary>Which outbox: the SMS to Twilio, or the e-mail to the office's relay. One code, one set of guarantees; each
/// channel has keys of its own (<c>{outbox:n}</c>, <c>{mail-outbox:n}</c>), so a relay that is down does not hold up an
/// SMS and the reverse.</summary>
public enum OutboxChannel
{
    Sms,
    Mail,
}
