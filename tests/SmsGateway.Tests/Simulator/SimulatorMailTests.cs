using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Channels;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Tests.Mail;
using SmsBooking.SmsSimulator;

namespace SmsBooking.SmsGateway.Tests.Simulator;

/// <summary>The simulator shows the e-mails its gateway would send, as it shows SMS: its in-process gateway sends them
/// through MailKit to a stand-in relay in the simulator's process, which prints each one.</summary>
public partial class SimulatorMailTests
{
    /// <summary>Lines typed into the chat one by one, as a test decides; the chat ends when the writer completes.</summary>
    private sealed class TypedInput(ChannelReader<string> lines) : TextReader
    {
        public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
            await lines.WaitToReadAsync(cancellationToken) && lines.TryRead(out var line) ? line : null;
    }

    /// <summary>A writer several threads print to while the test reads it.</summary>
    private sealed class Terminal : StringWriter
    {
        public override void WriteLine(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }

    [Fact]
    public async Task SimulatorGateway_HasMailOn_ToTheStandInRelay()
    {
        var typed = Channel.CreateUnbounded<string>();
        var terminal = new Terminal();
        var simulator = SimulatorApp.RunAsync([], new TypedInput(typed.Reader), terminal);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            Match address;
            while (!(address = GatewayAddress().Match(terminal.ToString())).Success)
            {
                Assert.True(DateTime.UtcNow < deadline && !simulator.IsCompleted, "the simulator did not greet: " + terminal);
                await Task.Delay(100);
            }
            Assert.Contains("e-mails go to a stand-in relay at smtp://127.0.0.1:", terminal.ToString());
            using var http = new HttpClient { BaseAddress = new Uri(address.Groups[1].Value) };
            using var ready = JsonDocument.Parse(await http.GetStringAsync("/health/ready"));
            var mail = ready.RootElement.GetProperty("checks").GetProperty("mail");
            Assert.Equal("Healthy", mail.GetProperty("status").GetString());
            Assert.StartsWith("e-mail backlog", mail.GetProperty("description").GetString());
        }
        finally
        {
            typed.Writer.Complete();
            Assert.Equal(0, await simulator);
        }
    }

    [Fact]
    public async Task StandInRelay_ShowsEachMail_WithRecipientSubjectTextAndAttachment()
    {
        await using var relay = await MailStandIn.StartAsync();
        var settings = relay.GatewaySettings.ToDictionary(s => s.Key, s => s.Value);
        settings["Email:From"] = "objednavky@simulator.invalid";
        await using var gateway = await GatewayHost.StartAsync(settings);
        await gateway.App.Services.GetRequiredService<ICitizenMail>()
            .SendAsync(CitizenMailKind.Pin, "jana@example.cz", Language.Cs, MailFacts.Booking(), "pin:K7M3QX");
        using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var shown = MailStandIn.Describe(await relay.Received.ReadAsync(wait.Token));
        Assert.StartsWith("< [e-mail to jana@example.cz] Rezervace K7M3QX je potvrzena: úterý 1. 12. 2026 v 8:00", shown);
        Assert.Contains("\n  PIN: 482915", shown);
        Assert.Contains("[attached: K7M3QX.ics, text/calendar]", shown);
    }

    [GeneratedRegex(@"texting the office at (http://127\.0\.0\.1:\d+/?)")]
    private static partial Regex GatewayAddress();
}
