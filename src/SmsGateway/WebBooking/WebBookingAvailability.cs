using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Mail;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>Whether the web booking is on: it needs the office's mail relay (<c>Email:Smtp:Host</c>,
/// <see cref="EmailOptions.IsEnabled"/>), since a reservation is confirmed only by its e-mail's link. Off, its pages say
/// so and refuse every reservation; the SMS line is unaffected.</summary>
public sealed class WebBookingAvailability(IOptions<EmailOptions> email, ICitizenMail mail)
{
    public const string HostKey = "Email:Smtp:Host";

    public bool Enabled => email.Value.IsEnabled;

    /// <summary>The e-mails' sender (they are queued in the durable e-mail outbox).</summary>
    public ICitizenMail Mail => mail;
}
