using Microsoft.Extensions.Options;
using SmsBooking.SmsGateway.Mail;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>Whether the web booking is on: it needs the office's mail relay (<c>Email:Smtp:Host</c>), since a
/// reservation is confirmed only by its e-mail's link, and something that sends the e-mails. Off, its pages say so and
/// refuse every reservation; the SMS line is unaffected.</summary>
public sealed class WebBookingAvailability(IConfiguration configuration, IServiceProvider services)
{
    public const string HostKey = "Email:Smtp:Host";

    private readonly Lazy<ICitizenMail?> _mail = new(() => services.GetService<ICitizenMail>());

    public bool Enabled => !string.IsNullOrWhiteSpace(configuration[HostKey]) && _mail.Value is not null;

    /// <summary>The mail sender; only while <see cref="Enabled"/>.</summary>
    public ICitizenMail Mail => _mail.Value ?? throw new InvalidOperationException("The web booking is off: no e-mail sender");
}
