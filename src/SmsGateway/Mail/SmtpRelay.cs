using System.Globalization;
using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>One attempt to hand an e-mail to the office's relay with MailKit: connect (TLS as <c>Email:Smtp:Tls</c>
/// says), authenticate when a user is configured, send, disconnect; the answer sorted into what the outbox must do.</summary>
public sealed class SmtpRelay(IOptions<EmailOptions> options)
{
    public async Task<MailSendResult> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var client = new SmtpClient { Timeout = (int)o.SendTimeout.TotalMilliseconds };
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(o.SendTimeout);
        try
        {
            await client.ConnectAsync(o.Smtp.Host.Trim(), o.Smtp.EffectivePort, SocketOptions(o.Smtp.Tls), attempt.Token);
            if (!string.IsNullOrEmpty(o.Smtp.User))
            {
                await client.AuthenticateAsync(o.Smtp.User, o.Smtp.Password, attempt.Token);
            }
            await client.SendAsync(message, attempt.Token);
        }
        catch (SmtpCommandException e) when ((int)e.StatusCode >= 500 && e.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
        {
            return new MailSendResult.Rejected((int)e.StatusCode);
        }
        catch (SmtpCommandException e)
        {
            // A 4xx, or a 5xx for our sender or a command: the relay's state or configuration, not this e-mail's.
            // (The exception's text may quote an address: the code says enough.)
            return new MailSendResult.Deferred(string.Create(CultureInfo.InvariantCulture, $"SMTP {(int)e.StatusCode} ({e.ErrorCode})"));
        }
        catch (AuthenticationException)
        {
            return new MailSendResult.Deferred("the relay refused Email:Smtp:User and Email:Smtp:Password");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new MailSendResult.Deferred($"no answer within Email:SendTimeout ({o.SendTimeout})");
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException or SmtpProtocolException or SslHandshakeException
            or ServiceNotConnectedException or ServiceNotAuthenticatedException or NotSupportedException)
        {
            return new MailSendResult.Deferred(e is SocketException s ? $"cannot connect ({s.SocketErrorCode})" : e.GetType().Name);
        }
        try
        {
            await client.DisconnectAsync(quit: true, CancellationToken.None);
        }
        catch (Exception e) when (e is IOException or SocketException or SmtpProtocolException or ServiceNotConnectedException)
        {
            // The relay has the e-mail: a connection lost after its 250 changes nothing.
        }
        return new MailSendResult.Accepted();
    }

    private static SecureSocketOptions SocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
