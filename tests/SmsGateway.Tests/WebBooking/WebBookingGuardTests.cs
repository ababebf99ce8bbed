using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>The web booking against bots and slot trading, and beside the SMS line on one calendar: the rate limit per
/// source address, the honeypot, one hold per source, the caps of a phone for an e-mail address, and one place raced
/// for from the web and by SMS at once. Over real HTTP against the test Redis; the clock on Monday 2026-11-30 07:00.</summary>
public class WebBookingGuardTests
{
    /// <summary>Each citizen's source address comes through the loopback proxy's <c>X-Forwarded-For</c>.</summary>
    private static readonly Dictionary<string, string?> BehindProxy = new() { ["Gateway:KnownProxies:0"] = "127.0.0.1" };

    [Fact]
    public async Task PostsFromOneSourceAddress_PastWebBookingPostsPerMinute_Get429WithRetryAfter_AndAnotherAddressIsNotCounted()
    {
        await using var session = await WebBookingSession.StartAsync(new Dictionary<string, string?>(BehindProxy) { ["WebBooking:PostsPerMinute"] = "3" }, forwardedFor: "203.0.113.7");
        var (gateway, mail, bot) = session;
        for (var i = 0; i < 3; i++)
        {
            await bot.PostAsync("/objednat/potvrdit/no-such-token");
            Assert.NotEqual(HttpStatusCode.TooManyRequests, bot.LastStatus);
        }
        var refused = await bot.PostAsync("/objednat/potvrdit/no-such-token");
        Assert.Equal(HttpStatusCode.TooManyRequests, bot.LastStatus);
        Assert.Contains("zkuste to za minutu", refused);
        using var other = new WebCitizen(gateway.Address, forwardedFor: "203.0.113.8");
        await other.PostAsync("/objednat/potvrdit/no-such-token");
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.LastStatus);
    }

    [Fact]
    public async Task AFilledHoneypot_IsRefused_AndHoldsNothing()
    {
        await using var session = await WebBookingSession.StartAsync();
        var (gateway, mail, bot) = session;
        await bot.GetAsync("/objednat/EO/pobyt/2026-12-01/0800");
        var form = WebBookingHost.Person("bot@example.cz");
        form["Website"] = "http://spam.example";
        Assert.Contains("Formulář nelze přijmout", WebCitizen.Text(await bot.PostAsync("/objednat/EO/pobyt/2026-12-01/0800", form)));
        Assert.Equal(HttpStatusCode.BadRequest, bot.LastStatus);
        Assert.Null(await gateway.App.Services.GetRequiredService<BookingService>().CurrentHoldAsync(WebOwner.Of("bot@example.cz")));
        Assert.Empty(mail.Smtp.Messages);
    }

    [Fact]
    public async Task OneSourceAddress_HoldsOneSlotAtATime_ItsEarlierHoldIsReleased()
    {
        await using var session = await WebBookingSession.StartAsync(BehindProxy, forwardedFor: "198.51.100.4");
        var (gateway, mail, first) = session;
        using var second = new WebCitizen(gateway.Address, forwardedFor: "198.51.100.4");
        await WebBookingHost.ReserveAsync(first, "a@example.cz");
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        Assert.NotNull(await service.CurrentHoldAsync(WebOwner.Of("a@example.cz")));
        await WebBookingHost.ReserveAsync(second, "b@example.cz", time: "08:15");
        Assert.Null(await service.CurrentHoldAsync(WebOwner.Of("a@example.cz")));
        Assert.NotNull(await service.CurrentHoldAsync(WebOwner.Of("b@example.cz")));
    }

    [Fact]
    public async Task OneEmailAddress_BooksNoMoreOfAnAgendaThanAPhoneMay()
    {
        await using var session = await WebBookingSession.StartAsync(new Dictionary<string, string?> { ["Booking:MaxUpcomingPerAgenda"] = "1" });
        var (gateway, mail, citizen) = session;
        var confirm = await session.ReserveForConfirmLinkAsync("Jana@Example.cz");
        await citizen.GetAsync(confirm);
        await citizen.PostAsync(confirm);
        // The same address in other letters is the same owner.
        var refused = WebCitizen.Text(await WebBookingHost.ReserveAsync(citizen, "jana@example.CZ", time: "09:00"));
        Assert.Equal(HttpStatusCode.Conflict, citizen.LastStatus);
        Assert.Contains("už je tolik objednávek této agendy, kolik je dovoleno (1)", refused);
    }

    [Fact]
    public async Task ASlotHeldOnTheWeb_IsNotOfferedBySms()
    {
        await using var session = await WebBookingSession.StartAsync();
        var (gateway, mail, citizen) = session;
        await WebBookingHost.ReserveAsync(citizen, "a@example.cz", agenda: "Evidence obyvatel", activity: "Přihlášení k trvalému pobytu");
        // The population register's one counter takes one residence booking an hour: the web's hold of 08:00 fills the hour.
        await new SmsPhone(gateway).ExpectAsync("VOLNO PTP 1.12.", @"volno Ut 1\.12\.: 09:00 ");
    }

    [Fact]
    public async Task ThirtyCitizensOnTheWebAndBySms_RacingForOnePlace_GetOneBooking()
    {
        await using var session = await WebBookingSession.StartAsync(BehindProxy);
        var (gateway, mail, _) = session;
        var web = Enumerable.Range(0, 15).Select(i => new RacingCitizen($"c{i}@example.cz", new WebCitizen(gateway.Address, forwardedFor: $"192.0.2.{i + 1}"))).ToList();
        var sms = Enumerable.Range(0, 15).Select(i => new SmsPhone(gateway, $"+42060300{i:0000}")).ToList();
        const string Path = "/objednat/EO/pobyt/2026-12-01/0800"; // the population register: one place at 08:00
        await Task.WhenAll(web.Select(w => w.Browser.GetAsync(Path)));
        await Task.WhenAll(
            web.Select(async w =>
            {
                await w.Browser.PostAsync(Path, WebBookingHost.Person(w.Email));
                w.Reserved = w.Browser.LastLocation.StartsWith("/objednat/rezervace/", StringComparison.Ordinal);
            })
            .Concat(sms.Select(async phone =>
            {
                if ((await phone.SendAsync("OBJ PTP 1.12. 08:00 Jana Novakova") ?? "").Contains("08:00"))
                {
                    await phone.SendAsync("ANO");
                }
            })));
        await Task.WhenAll(web.Select(async w =>
        {
            if (w.Reserved)
            {
                var link = await mail.LinkAsync(w.Email, WebBookingHost.ConfirmSubject, "potvrdit");
                await w.Browser.GetAsync(link);
                await w.Browser.PostAsync(link);
            }
        }));
        var bookings = await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(new LocalDate(2026, 12, 1));
        Assert.Single(bookings, b => b.AgendaId == "EO" && b.Time == new LocalTime(8, 0) && b.Status == BookingStatus.Booked);
        web.ForEach(w => w.Browser.Dispose());
    }

    private sealed record RacingCitizen(string Email, WebCitizen Browser)
    {
        public bool Reserved { get; set; }
    }
}
