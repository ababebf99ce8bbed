namespace SmsBooking.SmsGateway.Mail;

/// <summary>The office's SMTP relay, under <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    /// <summary>The relay's host name. Empty: the gateway sends no e-mail and the web booking is off.</summary>
    public string Host { get; set; } = "";

    /// <summary>The relay's port; 0: the usual one for <see cref="Tls"/> (465 with <see cref="SmtpTlsMode.SslOnConnect"/>,
    /// 25 with <see cref="SmtpTlsMode.None"/>, 587 otherwise).</summary>
    public int Port { get; set; }

    public SmtpTlsMode Tls { get; set; } = SmtpTlsMode.Auto;

    /// <summary>The relay's user name; empty: no authentication.</summary>
    public string User { get; set; } = "";

    public string Password { get; set; } = "";

    /// <summary>The port the gateway connects to.</summary>
    public int EffectivePort => Port != 0 ? Port : Tls switch
    {
        SmtpTlsMode.SslOnConnect => 465,
        SmtpTlsMode.None => 25,
        _ => 587,
    };
}
