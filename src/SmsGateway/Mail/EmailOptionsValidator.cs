using Microsoft.Extensions.Options;
using MimeKit;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>Stops start-up on a broken <c>Email</c> section, one line naming the key. Without <c>Email:Smtp:Host</c> the
/// e-mail is off and only the texts and the outbox's numbers are checked.</summary>
internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions o)
    {
        const string S = EmailOptions.SectionName;
        var errors = new List<string>();
        var smtp = o.Smtp;
        if (o.IsEnabled)
        {
            if (Uri.CheckHostName(smtp.Host.Trim()) == UriHostNameType.Unknown)
            {
                errors.Add($"{S}:Smtp:Host: '{smtp.Host}' is not a host name or an IP address");
            }
            if (string.IsNullOrWhiteSpace(o.From))
            {
                errors.Add($"{S}:From: required with {S}:Smtp:Host (the sender of the citizens' e-mail, e.g. objednavky@urad.cz)");
            }
            else if (!IsMailbox(o.From))
            {
                errors.Add($"{S}:From: '{o.From}' is not an e-mail address (objednavky@urad.cz or \"Úřad\" <objednavky@urad.cz>)");
            }
            if (!string.IsNullOrWhiteSpace(o.ReplyTo) && !IsMailbox(o.ReplyTo))
            {
                errors.Add($"{S}:ReplyTo: '{o.ReplyTo}' is not an e-mail address");
            }
            if (string.IsNullOrEmpty(smtp.User) && !string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add($"{S}:Smtp:User: required with {S}:Smtp:Password");
            }
            if (!string.IsNullOrEmpty(smtp.User) && string.IsNullOrEmpty(smtp.Password))
            {
                errors.Add($"{S}:Smtp:Password: required with {S}:Smtp:User");
            }
        }
        if (smtp.Port is < 0 or > 65535)
        {
            errors.Add($"{S}:Smtp:Port: {smtp.Port} must be between 1 and 65535 (0: the usual port for {S}:Smtp:Tls)");
        }
        if (!Enum.IsDefined(smtp.Tls))
        {
            errors.Add($"{S}:Smtp:Tls: '{smtp.Tls}' is not one of {string.Join(", ", Enum.GetNames<SmtpTlsMode>())}");
        }
        if (o.PollInterval <= TimeSpan.Zero)
        {
            errors.Add($"{S}:PollInterval: {o.PollInterval} must be more than zero");
        }
        if (o.SendTimeout < TimeSpan.FromSeconds(1))
        {
            errors.Add($"{S}:SendTimeout: {o.SendTimeout} must be at least a second");
        }
        if (o.MaxAttempts < 1)
        {
            errors.Add($"{S}:MaxAttempts: {o.MaxAttempts} must be at least 1");
        }
        if (o.MaxRetryDelay < TimeSpan.Zero)
        {
            errors.Add($"{S}:MaxRetryDelay: {o.MaxRetryDelay} must not be negative");
        }
        if (o.MaxDeliveries < 1)
        {
            errors.Add($"{S}:MaxDeliveries: {o.MaxDeliveries} must be at least 1");
        }
        if (o.ReclaimAfter <= o.SendTimeout + MailSender.RedisAllowance)
        {
            // The sender renews its hold right before each attempt: one attempt must end before another sender may take over.
            errors.Add($"{S}:ReclaimAfter: {o.ReclaimAfter} must be longer than {S}:SendTimeout ({o.SendTimeout}) and a second for Redis: " +
                "another sender would take an e-mail over while the first still sends it, and both would send it");
        }
        if (o.MaxHealthyBacklog < 1)
        {
            errors.Add($"{S}:MaxHealthyBacklog: {o.MaxHealthyBacklog} must be at least 1");
        }
        if (o.MaxHealthyAge <= TimeSpan.Zero)
        {
            errors.Add($"{S}:MaxHealthyAge: {o.MaxHealthyAge} must be more than zero");
        }
        errors.AddRange(MailTexts.Validate(o.Texts, $"{S}:Texts"));
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsMailbox(string value) =>
        MailboxAddress.TryParse(value, out var mailbox) && mailbox.Address.Contains('@', StringComparison.Ordinal) && !mailbox.Address.EndsWith('@');
}
