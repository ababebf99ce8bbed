using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.TestSupport;
using SmtpServer.Protocol;

namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>The office's relay down, refusing for now, or refusing an address for good: no e-mail lost, none doubled,
/// none retried forever, and readiness says what is going on.</summary>
public class MailRelayOutageTests
{
    /// <summary>Quick retries, so an outage of seconds shows what an outage of an hour does.</summary>
    private static async Task<GatewayHost> StartAsync(TestSmtp smtp)
    {
        var settings = smtp.GatewaySettings;
        settings["Email:MaxAttempts"] = "2";
        settings["Email:MaxRetryDelay"] = "00:00:00.300";
        settings["Email:SendTimeout"] = "00:00:03";
        settings["Email:ReclaimAfter"] = "00:00:05";
        return await GatewayHost.StartAsync(settings);
    }

    private static ICitizenMail Mail(GatewayHost gateway) => gateway.App.Services.GetRequiredService<ICitizenMail>();

    private static IOutbox Outbox(GatewayHost gateway) => gateway.App.Services.GetRequiredKeyedService<IOutbox>(MailOutbox.Key);

    private static async Task<long> BacklogAsync(GatewayHost gateway) => (await Outbox(gateway).StatsAsync(gateway.Clock.GetCurrentInstant())).Backlog;

    private static async Task<string> MailReadinessAsync(GatewayHost gateway)
    {
        using var ready = JsonDocument.Parse(await gateway.Http.GetStringAsync("/health/ready"));
        return ready.RootElement.GetProperty("checks").GetProperty("mail").GetProperty("status").GetString()!;
    }

    [Fact]
    public async Task RelayDown_LosesNoMail_DoublesNone_AndReadinessIsDegradedMeanwhile()
    {
        await using var smtp = await TestSmtp.StartAsync();
        await using var gateway = await StartAsync(smtp);
        await smtp.StopAsync();
        string[] citizens = ["a.novak@example.cz", "b.svoboda@example.cz", "c.dvorak@example.cz"];
        foreach (var (to, i) in citizens.Select((c, i) => (c, i)))
        {
            await Mail(gateway).SendAsync(CitizenMailKind.Pin, to, Language.Cs, MailFacts.Booking(code: $"K7M3Q{i}"), $"pin:{i}");
        }
        await Poll.UntilAsync(async () => await MailReadinessAsync(gateway) == "Degraded", what: "readiness degraded while the relay is down");
        Assert.Equal(3, await BacklogAsync(gateway));

        await smtp.StartAgainAsync();
        await Poll.UntilAsync(async () => await BacklogAsync(gateway) == 0, TimeSpan.FromSeconds(60), "the outbox drained once the relay is back");
        // Each is acknowledged right after its 250: with the backlog empty no copy is still on its way.
        Assert.Equal(citizens.Order(), smtp.Messages.SelectMany(m => m.To.Mailboxes).Select(b => b.Address).Order());
        Assert.Equal(3, smtp.Messages.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal("Healthy", await MailReadinessAsync(gateway));
    }

    [Fact]
    public async Task Relay451_KeepsTheMail_UntilTheRelayTakesIt_ThenSendsItOnce()
    {
        await using var smtp = await TestSmtp.StartAsync();
        await using var gateway = await StartAsync(smtp);
        smtp.RefuseWith = SmtpReplyCode.Aborted; // 451: local error, try again later
        await Mail(gateway).SendAsync(CitizenMailKind.Pin, "jana@example.cz", Language.Cs, MailFacts.Booking(), "pin:K7M3QX");
        await Poll.UntilAsync(() => Task.FromResult(smtp.TemporaryRefusals >= 3), what: "the relay refused at least two hand-outs");
        Assert.Equal("Degraded", await MailReadinessAsync(gateway));
        Assert.Equal(1, await BacklogAsync(gateway));

        smtp.RefuseWith = null;
        await smtp.WaitForAsync("jana@example.cz", "K7M3QX", TimeSpan.FromSeconds(30));
        await Poll.UntilAsync(async () => await BacklogAsync(gateway) == 0);
        Assert.Single(smtp.Messages);
        Assert.Equal("sent", (await Outbox(gateway).GetStatusAsync("pin:K7M3QX"))!.Status);
        Assert.Equal("Healthy", await MailReadinessAsync(gateway));
    }

    [Fact]
    public async Task Relay550ForTheRecipient_IsRecordedAsFailed_AndNotTriedAgain()
    {
        await using var smtp = await TestSmtp.StartAsync();
        await using var gateway = await StartAsync(smtp);
        smtp.RefuseRecipient("nikdo@example.cz");
        await Mail(gateway).SendAsync(CitizenMailKind.Pin, "nikdo@example.cz", Language.Cs, MailFacts.Booking(), "pin:K7M3QX");
        await Poll.UntilAsync(async () => await Outbox(gateway).GetStatusAsync("pin:K7M3QX") is not null, what: "a status for the refused e-mail");
        Assert.Equal(new MessageStatus("failed", "550"), await Outbox(gateway).GetStatusAsync("pin:K7M3QX"));
        Assert.Equal(0, await BacklogAsync(gateway));
        // The sender went on: a later e-mail arrives, and the refused one was asked once only.
        await Mail(gateway).SendAsync(CitizenMailKind.Pin, "jana@example.cz", Language.Cs, MailFacts.Booking(code: "K7M3QY"), "pin:K7M3QY");
        await smtp.WaitForAsync("jana@example.cz", "K7M3QY");
        Assert.Equal(1, smtp.RecipientRefusals);
        Assert.Equal("Healthy", await MailReadinessAsync(gateway));
    }
}
