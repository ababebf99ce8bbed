using Microsoft.Extensions.Options;
using MimeKit;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>Renders a citizen's e-mail and queues it in the e-mail outbox (<see cref="MailOutbox"/>); the
/// <see cref="MailSender"/> hands it to the relay. The stored message is the whole MIME message, so what goes out is
/// what was written when the cause happened, whatever changes later.</summary>
public sealed class CitizenMail(MailRenderer renderer, [FromKeyedServices(MailOutbox.Key)] IOutbox outbox, IOptions<EmailOptions> options, IClock clock,
    ILogger<CitizenMail> log) : ICitizenMail
{
    /// <exception cref="InvalidOperationException">The e-mail is off (<c>Email:Smtp:Host</c> is empty): the caller must not
    /// offer what needs it (<see cref="EmailOptions.IsEnabled"/>).</exception>
    public async Task<bool> SendAsync(CitizenMailKind kind, string to, Language language, BookingMailFacts facts, string dedupeKey)
    {
        if (!options.Value.IsEnabled)
        {
            throw new InvalidOperationException("Email:Smtp:Host is empty: the gateway sends no e-mail");
        }
        if (!MailboxAddress.TryParse(to, out var address) || !address.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new ArgumentException("not an e-mail address", nameof(to));
        }
        var message = renderer.Render(kind, address.Address, language, facts);
        var queued = await outbox.EnqueueAsync(new OutboundMessage(address.Address, MailOutbox.Write(message), MailOutbox.KindOf(kind), dedupeKey,
            clock.GetCurrentInstant()));
        log.LogInformation("E-mail {Kind} to {Email} {Outcome}", kind, EmailMask.Mask(address.Address), queued ? "queued" : "queued before (same dedupe key)");
        return queued;
    }
}
