using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SmsBooking.TestSupport;

/// <summary>A real SMTP server in the test process (the <c>SmtpServer</c> package) on a free loopback port: the gateway
/// sends to it through MailKit as to an office's relay, and a test reads the real <see cref="MimeMessage"/>s it took.
/// It can be stopped and started again on the same port (a relay that is down), answer every e-mail with a temporary
/// error (<see cref="RefuseWith"/>, e.g. 451), and refuse chosen recipients for good (550).</summary>
/// <remarks>Point a gateway at it with <see cref="GatewaySettings"/>.</remarks>
public sealed class TestSmtp : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly ConcurrentDictionary<string, bool> _refusedRecipients = new(StringComparer.OrdinalIgnoreCase);
    private int _recipientRefusals;
    private int _temporaryRefusals;
    private CancellationTokenSource? _running;
    private Task? _serving;

    private TestSmtp(int port) => Port = port;

    public int Port { get; }

    /// <summary>Every e-mail the server took, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages => _messages.ToList();

    /// <summary>Forgets the messages taken so far (a shared server between two tests).</summary>
    public void Clear() => _messages.Clear();

    /// <summary>Set: every e-mail is answered with this code after its DATA and not kept (451: "try again later").</summary>
    public SmtpReplyCode? RefuseWith { get; set; }

    /// <summary>How many RCPT commands were refused with 550 (<see cref="RefuseRecipient"/>).</summary>
    public int RecipientRefusals => Volatile.Read(ref _recipientRefusals);

    /// <summary>How many e-mails were answered with <see cref="RefuseWith"/>.</summary>
    public int TemporaryRefusals => Volatile.Read(ref _temporaryRefusals);

    /// <summary>The address is refused for good (550 to its RCPT), as a relay refuses an unknown mailbox.</summary>
    public void RefuseRecipient(string address) => _refusedRecipients[address] = true;

    /// <summary>The <c>Email:*</c> settings that make a gateway send to this server (plain SMTP, no authentication).</summary>
    public IDictionary<string, string?> GatewaySettings => new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Email:Smtp:Tls"] = "None",
        ["Email:From"] = "\"MěÚ Trutnov\" <objednavky@trutnov.example>",
        ["Email:ReplyTo"] = "podatelna@trutnov.example",
        ["Email:PollInterval"] = "00:00:00.100",
    };

    /// <summary>Starts a server on a free loopback port (or <paramref name="port"/>).</summary>
    public static async Task<TestSmtp> StartAsync(int port = 0)
    {
        var server = new TestSmtp(port == 0 ? FreePort() : port);
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>Listens again on the same port after <see cref="StopAsync"/>; returns once a connection is answered.</summary>
    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("test-relay.local")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        _running = new CancellationTokenSource();
        _serving = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_serving.IsCompleted)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops listening: connections to the port are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_running is null || _serving is null)
        {
            return;
        }
        await _running.CancelAsync();
        try
        {
            await _serving;
        }
        catch (OperationCanceledException)
        {
            // the way it stops
        }
        _running.Dispose();
        _running = null;
        _serving = null;
    }

    /// <summary>Waits until the server took an e-mail that <paramref name="match"/> accepts (polling), and returns it.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (_messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no matching e-mail within {timeout ?? TimeSpan.FromSeconds(30)}; the server took {_messages.Count}: " +
                    string.Join(" | ", _messages.Select(m => $"{m.To} {m.Subject}")));
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the first e-mail to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/>.</summary>
    public Task<MimeMessage> WaitForAsync(string to, string subjectPart, TimeSpan? timeout = null) =>
        WaitForAsync(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase))
            && (m.Subject ?? "").Contains(subjectPart, StringComparison.Ordinal), timeout);

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(TestSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer,
            CancellationToken cancellationToken)
        {
            if (owner.RefuseWith is { } code)
            {
                Interlocked.Increment(ref owner._temporaryRefusals);
                return new SmtpResponse(code, "refused by the test relay");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            owner._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(TestSmtp owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) => Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            if (owner._refusedRecipients.ContainsKey($"{to.User}@{to.Host}"))
            {
                Interlocked.Increment(ref owner._recipientRefusals);
                return Task.FromResult(false);
            }
            return Task.FromResult(true);
        }
    }
}
