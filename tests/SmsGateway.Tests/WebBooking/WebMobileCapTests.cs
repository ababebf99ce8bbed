using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Mail;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A mobile given on the web form is held to a phone's cap of places (<c>Booking:MaxPlacesPerPhone</c>) at the
/// confirmation, atomically in the store, not only at the reservation: reservations under other e-mail addresses naming
/// one mobile cannot together book more people than that mobile may. Over real HTTP against the test Redis.</summary>
public class WebMobileCapTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Gateway:KnownProxies:0"] = "127.0.0.1", // each citizen's own source address, through the loopback proxy
        ["Booking:MaxPlacesPerPhone"] = "4",
    };

    private static async Task<string> ReserveAsync(WebCitizen citizen, WebMailbox mail, string email, string time, int party)
    {
        var form = $"/objednat/OP/zadost/2026-12-01/{time}?osob={party}";
        await citizen.GetAsync(form);
        await citizen.PostAsync(form, new Dictionary<string, string>(WebBookingHost.Person(email, "601 111 222")) { ["osob"] = $"{party}" });
        Assert.Equal(HttpStatusCode.OK, citizen.LastStatus); // the summary, after the redirect
        return await mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit");
    }

    [Fact]
    public async Task TwoReservationsNamingOneMobile_ConfirmedOneAfterTheOther_DoNotPassItsPlaces_TheSecondIsRefusedSayingWhy()
    {
        await using var session = await WebBookingSession.StartAsync(Settings, forwardedFor: "203.0.113.21");
        var (gateway, mail, jana) = session;
        using var petr = new WebCitizen(gateway.Address, forwardedFor: "203.0.113.22");
        // Both reservations pass: the mobile has booked nothing yet.
        var first = await ReserveAsync(jana, mail, "jana@example.cz", "0800", party: 3);
        var second = await ReserveAsync(petr, mail, "petr@example.cz", "1000", party: 2);

        await jana.GetAsync(first);
        Assert.Contains("Objednávka je potvrzena", WebCitizen.Text(await jana.PostAsync(first)));
        await petr.GetAsync(second);
        var refused = WebCitizen.Text(await petr.PostAsync(second));
        Assert.Equal(HttpStatusCode.Conflict, petr.LastStatus);
        Assert.Contains("už je objednáno tolik osob, kolik je dovoleno (4)", refused);

        var booking = Assert.Single(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(new LocalDate(2026, 12, 1)));
        Assert.Equal((WebOwner.Of("jana@example.cz"), 3), (booking.Phone, booking.Party));
    }

    /// <summary>A refusal at the confirmation (the mobile's bookings of the agenda, read before the confirm; its places,
    /// claimed in the store) ends the reservation: the hold goes at once, and no "lapsed" e-mail follows the refusal.
    /// The mobile books by SMS between the web reservation and its confirmation.</summary>
    [Theory]
    [InlineData("Booking:MaxUpcomingPerAgenda", "1", 1, "už je tolik objednávek této agendy, kolik je dovoleno (1)")]
    [InlineData("Booking:MaxPlacesPerPhone", "4", 3, "už je objednáno tolik osob, kolik je dovoleno (4)")]
    public async Task AConfirmationRefusedForTheMobilesCap_FreesItsSlotAtOnce_AndNoLapsedMailFollows(string cap, string max, int smsParty, string why)
    {
        await using var session = await WebBookingSession.StartAsync(new Dictionary<string, string?>(Settings) { [cap] = max }, forwardedFor: "203.0.113.22");
        var (gateway, mail, petr) = session;
        var link = await ReserveAsync(petr, mail, "petr@example.cz", "1000", party: 2);
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        var day = new LocalDate(2026, 12, 1);
        var sms = await service.HoldAsync("+420601111222", agenda, "zadost", day, new LocalTime(8, 0), party: smsParty);
        Assert.Equal(ConfirmOutcome.Confirmed, (await service.ConfirmAsync(sms.Hold!, "Petr Novák")).Outcome);
        // The hour of 10 has 3 places: with Petr's 2 held, a party of 3 does not fit at 10:00.
        async Task<bool> ThreeFitAt10() => (await service.FreeSlotsAsync(agenda, day, "zadost", party: 3)).Any(s => s.Start == new LocalTime(10, 0));
        Assert.False(await ThreeFitAt10());

        await petr.GetAsync(link);
        var refused = WebCitizen.Text(await petr.PostAsync(link));
        Assert.Equal(HttpStatusCode.Conflict, petr.LastStatus);
        Assert.Contains(why, refused);
        Assert.True(await ThreeFitAt10()); // free to another citizen at once, not after the hold's 15 minutes

        gateway.Clock.Advance(Duration.FromTimeSpan(service.Options.HoldDuration) + Duration.FromSeconds(1));
        await gateway.App.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync();
        var outbox = gateway.App.Services.GetRequiredKeyedService<IOutbox>(MailOutbox.Key);
        await Poll.UntilAsync(async () => (await outbox.StatsAsync(gateway.Clock.GetCurrentInstant())).Backlog == 0, what: "the e-mail outbox sent all");
        Assert.Equal(0, mail.Count("petr@example.cz", WebBookingHost.LapsedSubject));

        // The confirm link opened again, after the deadline too, and its button sent again: the refusal's reason, not "lapsed".
        foreach (var again in new Func<Task<string>>[] { () => petr.GetAsync(link), () => petr.PostAsync(link) })
        {
            var page = WebCitizen.Text(await again());
            Assert.Equal(HttpStatusCode.Conflict, petr.LastStatus);
            Assert.Contains(why, page);
            Assert.DoesNotContain("propadla", page);
            Assert.DoesNotContain("Potvrdit objednávku", page);
        }
    }

    /// <summary>A web booking moved to another day keeps its mobile's claim of places: the mobile cannot then book past
    /// its cap by SMS (the claim left on the old, cancelled entry would be dropped as a cancelled booking's).</summary>
    [Fact]
    public async Task AWebPartyMovedToAnotherDay_StillCountsUnderItsMobilesPlaces_SoTheMobileCannotBookMoreBySms()
    {
        await using var session = await WebBookingSession.StartAsync(Settings, forwardedFor: "203.0.113.21");
        var (gateway, mail, jana) = session;
        var confirm = await ReserveAsync(jana, mail, "jana@example.cz", "1000", party: 3);
        await jana.GetAsync(confirm);
        Assert.Contains("Objednávka je potvrzena", WebCitizen.Text(await jana.PostAsync(confirm)));
        var move = await mail.LinkAsync("jana@example.cz", WebBookingHost.PinSubject, "presunout");
        await jana.GetAsync(move);
        Assert.Contains("Objednávka je přesunuta", WebCitizen.Text(await jana.PostAsync(move, new Dictionary<string, string> { ["date"] = "2026-12-02", ["time"] = "1000" })));

        // Later, when no confirmation of the reservation's holds can be under way any more (a claim is never dropped before).
        gateway.Clock.Advance(Duration.FromHours(2));
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        var sms = await service.HoldAsync("+420601111222", agenda, "zadost", new LocalDate(2026, 12, 3), new LocalTime(8, 0), party: 2);
        Assert.Equal(ConfirmOutcome.TooManyPlaces, (await service.ConfirmAsync(sms.Hold!, "Jan Novák")).Outcome);
    }
}
