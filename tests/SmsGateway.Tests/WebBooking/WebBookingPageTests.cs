using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using System.Text.RegularExpressions;
using SmsBooking.SmsGateway.Outbound;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>The web booking's pages over real HTTP, without JavaScript, against the test Redis: the steps, the confirm
/// link that confirms only by its button, the lapse, the second confirm, cancel and move. The fake clock starts on
/// Monday 2026-11-30 07:00 Prague.</summary>
/// <remarks>The class shares one gateway and SMTP server (<see cref="SharedWebBookingGateway"/>, both emptied before
/// each test); each test also books for an e-mail address of its own, reads only the mail to it, and posts from a
/// loopback address of its own. The test without a mail relay starts a host of its own (the web booking off).</remarks>
public class WebBookingPageTests(SharedWebBookingGateway shared) : IClassFixture<SharedWebBookingGateway>
{
    /// <summary>The address of the test without a mail relay; the others book for addresses of their own.</summary>
    private const string Email = "jana.novakova@example.cz";

    private const string Register = "Evidence obyvatel";
    private const string Residence = "Přihlášení k trvalému pobytu";

    /// <summary>The reservation's steps (<see cref="WebBookingHost.ReserveAsync"/>), under the name other tests knew.</summary>
    internal static Task<string> ReserveAsync(WebCitizen citizen, string email, string? mobile = null, string time = "08:00",
        string agenda = WebBookingHost.IdentityCards, string activity = WebBookingHost.Application) =>
        WebBookingHost.ReserveAsync(citizen, email, mobile, time, agenda, activity);

    [Fact]
    public async Task TheSteps_EndInASummaryWithTheDeadline_AndOnlyTheConfirmPagesPost_ConfirmsAsAWebBookingWhosePinChecksIn()
    {
        const string email = "jana.kroky@example.cz";
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        var summary = WebCitizen.Text(await ReserveAsync(citizen, email, mobile: "601 123 456"));
        Assert.Contains("07:15", summary); // held 15 minutes from 07:00
        Assert.Contains(email, summary);
        var sent = await mail.WaitAsync(email, WebBookingHost.ConfirmSubject);
        var code = Regex.Match(sent.Subject ?? "", @"rezervaci (\w{6}) do 7:15").Groups[1].Value;
        Assert.Contains(code, summary);
        var confirmLink = await mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit");
        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var day = new LocalDate(2026, 12, 1);

        // A mail scanner opens the link: nothing is confirmed.
        var page = await citizen.GetAsync(confirmLink);
        Assert.Contains("Potvrdit objednávku", page);
        Assert.Empty(await store.GetDayBookingsAsync(day));

        var confirmed = WebCitizen.Text(await citizen.PostAsync(confirmLink));
        Assert.Contains("Objednávka je potvrzena", confirmed);
        var booking = Assert.Single(await store.GetDayBookingsAsync(day));
        Assert.Equal((BookingChannel.Web, code, new LocalTime(8, 0)), (booking.Channel, booking.Code, booking.Time));
        Assert.Equal("Jana Nováková", booking.Name);
        var pin = WebMailbox.PinOf(await mail.WaitAsync(email, WebBookingHost.PinSubject));
        Assert.Equal(booking.Pin, pin);
        Assert.StartsWith("/objednat/zrusit/", await mail.LinkAsync(email, WebBookingHost.PinSubject, "zrusit"));
        Assert.True(await gateway.App.Services.GetRequiredService<BookingCore.Outbound.IOutbox>().WasQueuedAsync("+420601123456",
            $"web-pin:{booking.HoldId}:2026-12-01:{booking.Code}"));

        // At the kiosk on the day, the PIN of the e-mail gives a priority ticket.
        gateway.Clock.Reset(TestOffice.Prague(2026, 12, 1, 7, 50));
        using var kiosk = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/checkin") { Content = JsonContent.Create(new { pin }) };
        kiosk.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
        using var checkIn = await gateway.Http.SendAsync(kiosk);
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
    }

    [Fact]
    public async Task ASecondConfirm_SaysAlreadyConfirmed_AndBooksNothingMore()
    {
        const string email = "jana.podruhe@example.cz";
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        var link = await session.ReserveForConfirmLinkAsync(email);
        await citizen.GetAsync(link);
        await citizen.PostAsync(link);
        var again = WebCitizen.Text(await citizen.PostAsync(link));
        Assert.Contains("Objednávka už je potvrzena", again);
        Assert.Single(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(new LocalDate(2026, 12, 1)));
        await mail.WaitAsync(email, WebBookingHost.PinSubject);
        Assert.Equal(1, mail.Count(email, WebBookingHost.PinSubject));
    }

    [Fact]
    public async Task AConfirmAfterTheDeadline_SaysLapsedAndOffersToBookAgain_TheSlotIsFreeAgain_AndTheLapsedMailGoes()
    {
        const string email = "jana.pozde@example.cz";
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        // The population register has one counter: the one place of 08:00 is held.
        await ReserveAsync(citizen, email, agenda: Register, activity: Residence);
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("EO")!;
        var day = new LocalDate(2026, 12, 1);
        bool FreeAt8(IReadOnlyList<BookingCore.Calendar.Slot> slots) => slots.Any(s => s.Start == new LocalTime(8, 0));
        Assert.False(FreeAt8(await service.FreeSlotsAsync(agenda, day, "pobyt")));
        var link = await mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit");
        await citizen.GetAsync(link);

        gateway.Clock.Advance(Duration.FromMinutes(15));
        var lapsed = await citizen.PostAsync(link);
        Assert.Equal(HttpStatusCode.Gone, citizen.LastStatus);
        Assert.Contains("propadla", WebCitizen.Text(lapsed));
        Assert.Contains("Objednat znovu", lapsed);
        Assert.Empty(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(day));
        Assert.True(FreeAt8(await service.FreeSlotsAsync(agenda, day, "pobyt")));

        await gateway.App.Services.GetRequiredService<NotificationWatcher>().RunOnceAsync();
        Assert.StartsWith("/objednat/EO/pobyt", await mail.LinkAsync(email, WebBookingHost.LapsedSubject, "EO/pobyt"));
    }

    [Fact]
    public async Task Cancel_IsAPageWithAButton_AndTheSlotStaysTakenForTheCancelReleaseDelay()
    {
        const string email = "jana.zrusit@example.cz";
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        var confirm = await session.ReserveForConfirmLinkAsync(email, agenda: Register, activity: Residence);
        await citizen.GetAsync(confirm);
        await citizen.PostAsync(confirm);
        var cancel = await mail.LinkAsync(email, WebBookingHost.PinSubject, "zrusit");
        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var day = new LocalDate(2026, 12, 1);

        Assert.Contains("Zrušit objednávku", await citizen.GetAsync(cancel));
        Assert.Equal(BookingStatus.Booked, Assert.Single(await store.GetDayBookingsAsync(day)).Status); // the GET cancels nothing
        Assert.Contains("Objednávka je zrušena", WebCitizen.Text(await citizen.PostAsync(cancel)));
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await store.GetDayBookingsAsync(day)).Status);
        await mail.WaitAsync(email, WebBookingHost.CancelledSubject);

        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("EO")!;
        bool FreeAt8(IReadOnlyList<BookingCore.Calendar.Slot> slots) => slots.Any(s => s.Start == new LocalTime(8, 0));
        Assert.False(FreeAt8(await service.FreeSlotsAsync(agenda, day, "pobyt"))); // cooling down
        gateway.Clock.Advance(Duration.FromTimeSpan(service.Options.CancelReleaseDelay) + Duration.FromSeconds(1));
        Assert.True(FreeAt8(await service.FreeSlotsAsync(agenda, day, "pobyt")));
        Assert.Contains("nelze zrušit", WebCitizen.Text(await citizen.PostAsync(cancel)));
    }

    [Fact]
    public async Task Move_ThroughTheDayAndTimeLists_ConfirmsByItsButton_WithANewPinByMail()
    {
        const string email = "jana.presun@example.cz";
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        var confirm = await session.ReserveForConfirmLinkAsync(email);
        await citizen.GetAsync(confirm);
        await citizen.PostAsync(confirm);
        var move = await mail.LinkAsync(email, WebBookingHost.PinSubject, "presunout");

        var html = await citizen.GetAsync(move);
        html = await citizen.GetAsync(WebCitizen.Link(html, "Vybrat nový termín"));
        html = await citizen.GetAsync(WebCitizen.Link(html, "Další měsíc"));
        html = await citizen.GetAsync(WebCitizen.Link(html, "středa 2. prosince 2026"));
        html = await citizen.GetAsync(WebCitizen.Link(html, "09:00"));
        Assert.Contains("Přesunout objednávku na", WebCitizen.Text(html));
        var moved = WebCitizen.Text(await citizen.PostAsync(citizen.LastRequestPath, new Dictionary<string, string> { ["date"] = "2026-12-02", ["time"] = "0900" }));
        Assert.Contains("Objednávka je přesunuta", moved);

        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var booking = Assert.Single(await store.GetDayBookingsAsync(new LocalDate(2026, 12, 2)));
        Assert.Equal((new LocalTime(9, 0), BookingChannel.Web), (booking.Time, booking.Channel));
        Assert.Equal(BookingStatus.Cancelled, Assert.Single(await store.GetDayBookingsAsync(new LocalDate(2026, 12, 1))).Status);
        Assert.Equal(booking.Pin, WebMailbox.PinOf(await mail.WaitAsync(email, WebBookingHost.MovedSubject)));
    }

    [Fact]
    public async Task WithoutAMailRelay_ThePageSaysTheWebBookingIsOff_AndTheSmsLineStillBooks()
    {
        await using var gateway = await GatewayHost.StartAsync();
        using var citizen = new WebCitizen(gateway.Address);
        Assert.Contains("Objednání přes web je na tomto úřadě vypnuté", WebCitizen.Text(await citizen.GetAsync("/objednat")));
        await citizen.GetAsync("/objednat/OP/zadost/2026-12-01/0800");
        Assert.Equal(HttpStatusCode.Redirect, citizen.LastStatus); // no form to fill
        await citizen.PostAsync("/objednat/OP/zadost/2026-12-01/0800", WebBookingHost.Person(Email));
        Assert.False(citizen.LastStatus is HttpStatusCode.OK or HttpStatusCode.Redirect);
        Assert.Empty(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(new LocalDate(2026, 12, 1)));
        await new SmsPhone(gateway).WalkToSummaryAsync();
    }

    [Fact]
    public async Task TheMonthView_LinksEveryFreeDay_AndTheLanguagesAreALinkAway()
    {
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        var html = await citizen.GetAsync("/objednat/OP/zadost?lang=uk");
        Assert.Contains("lang=\"uk\"", html);
        Assert.Contains("Вільні дні", html);
        Assert.Contains("<table class=\"month\"", html);
        var english = await citizen.GetAsync(WebCitizen.Link(html, "English"));
        Assert.Contains("Free days", english);
        html = await citizen.GetAsync(WebCitizen.Link(english, "Next month"));
        Assert.Contains("December 2026", html);
        Assert.Contains("/objednat/OP/zadost/2026-12-01?lang=en", html);
        Assert.DoesNotContain("/objednat/OP/zadost/2026-12-05", html); // a Saturday
    }

    [Fact]
    public async Task TheStaffConsolesDayList_ShowsEachBookingsChannel_AndAWebBookingsEmail()
    {
        const string email = "jana.prepazka@example.cz";
        await using var session = await WebBookingSession.OnAsync(shared);
        var (gateway, mail, citizen) = session;
        var confirm = await session.ReserveForConfirmLinkAsync(email);
        await citizen.GetAsync(confirm);
        await citizen.PostAsync(confirm);
        await new SmsPhone(gateway).ExpectAsync("OBJ ZOP 1.12. 09:00 Petr Novak", "ANO");
        await new SmsPhone(gateway).ExpectAsync("ANO", "Kod: ");

        using var console = new Tests.Staff.ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(Staff.StaffUsers.User, Staff.StaffUsers.Password)).StatusCode);
        var day = await (await console.GetAsync("/staff?date=2026-12-01")).Content.ReadAsStringAsync();
        Assert.Contains("data-channel=\"Web\">web</td>", day); // after the card's column name (data-label)
        Assert.Contains("data-channel=\"Sms\">SMS</td>", day);
        Assert.Contains(email, day);
    }
}
