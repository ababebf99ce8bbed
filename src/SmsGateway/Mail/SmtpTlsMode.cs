namespace SmsBooking.SmsGateway.Mail;

/// <summary>How the connection to the office's SMTP relay is secured (<c>Email:Smtp:Tls</c>).</summary>
public enum SmtpTlsMode
{
    /// <summary>Plain SMTP, no TLS at all: a relay on the same host or a trusted network only.</summary>
    None,

    /// <summary>Plain connection upgraded by <c>STARTTLS</c>, which the relay must offer (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>TLS from the first byte on port 465, otherwise <c>STARTTLS</c> when the relay offers it.</summary>
    Auto,
}
