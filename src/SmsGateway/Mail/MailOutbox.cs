using MimeKit;
using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>The e-mail outbox: the SMS outbox's code (<see cref="RedisOutbox"/>) on keys of its own
/// (<see cref="OutboxChannel.Mail"/>, <c>{mail-outbox:n}</c>), registered as the keyed <see cref="IOutbox"/>
/// <see cref="Key"/>. A message's body is the whole MIME message.</summary>
public static class MailOutbox
{
    public const string Key = "mail";

    /// <summary>The outbox kind of an e-mail (<c>mail-pin</c>), for logs and metrics.</summary>
    public static string KindOf(CitizenMailKind kind) => "mail-" + kind.ToString().ToLowerInvariant();

    /// <summary>The message as the outbox keeps it: its MIME text (seven-bit after <see cref="MimeMessage.Prepare"/>).</summary>
    public static string Write(MimeMessage message)
    {
        using var stream = new MemoryStream();
        message.WriteTo(FormatOptions.Default, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static MimeMessage Read(string body)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body));
        return MimeMessage.Load(stream);
    }
}
