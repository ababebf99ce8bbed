using System.Buffers;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmsBooking.SmsSimulator;

/// <summary>A local stand-in for the office's SMTP relay (the <c>SmtpServer</c> package): the in-process gateway sends
/// its citizens' e-mails here through MailKit, as to a real relay, and the simulator prints each one in the terminal as it
/// prints an SMS. Nothing leaves the machine.</summary>
public sealed class MailStandIn : IAsyncDisposable
{
    private readonly Channel<MimeMessage> _received = Channel.CreateUnbounded<MimeMessage>();
    private readonly CancellationTokenSource _stop = new();
    private Task _serving = Task.CompletedTask;

    private MailStandIn(int port) => Port = port;

    public int Port { get; }

    /// <summary>The e-mails the relay took, in order.</summary>
    public ChannelReader<MimeMessage> Received => _received.Reader;

    /// <summary>The <c>Email:*</c> settings that make the in-process gateway send here (plain SMTP on loopback).</summary>
    public IReadOnlyDictionary<string, string?> GatewaySettings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Tls"] = "None",
        ["Email:Smtp:User"] = "",
        ["Email:Smtp:Password"] = "",
        ["Email:PollInterval"] = "00:00:00.200",
    };

    public static async Task<MailStandIn> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var standIn = new MailStandIn(port);
        var options = new SmtpServerOptionsBuilder()
            .ServerName("simulator-relay.local")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(standIn._received.Writer));
        standIn._serving = new SmtpServer.SmtpServer(options, services).StartAsync(standIn._stop.Token);
        for (var tries = 0; ; tries++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return standIn;
            }
            catch (SocketException) when (tries < 100 && !standIn._serving.IsCompleted)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>How the terminal shows an e-mail: recipient, subject, the text part, the attachments' names.</summary>
    public static string Describe(MimeMessage mail)
    {
        var text = new StringBuilder();
        text.Append("< [e-mail to ").Append(string.Join(", ", mail.To.Mailboxes.Select(m => m.Address))).Append("] ").AppendLine(mail.Subject);
        foreach (var line in (mail.TextBody ?? "").TrimEnd().Split('\n'))
        {
            var shown = line.TrimEnd('\r');
            text.AppendLine(shown.Length == 0 ? "" : "  " + shown);
        }
        foreach (var attachment in mail.Attachments.OfType<MimePart>())
        {
            text.Append("  [attached: ").Append(attachment.FileName).Append(", ").Append(attachment.ContentType.MimeType).AppendLine("]");
        }
        return text.ToString().TrimEnd();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
            // the way it stops
        }
        _stop.Dispose();
        _received.Writer.TryComplete();
    }

    private sealed class Store(ChannelWriter<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            await received.WriteAsync(await MimeMessage.LoadAsync(stream, cancellationToken), cancellationToken);
            return SmtpResponse.Ok;
        }
    }
}
