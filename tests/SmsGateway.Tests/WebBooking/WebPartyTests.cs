using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A party (several people under one booking) on the web, as on the SMS line: the same <c>BookingService</c>,
/// so the same seating (<c>Booking:PartyMode</c>, consecutive by default), counters and activity hours. The identity
/// cards' application has 3 counters and 1 application per counter and hour: 3 places an hour. The fake clock starts on
/// Monday 2026-11-30 07:00 Prague.</summary>
public class WebPartyTests
{
    private const string Email = "rodina.novakova@example.cz";
    private static readonly LocalDate Day = new(2026, 12, 1);

    [Fact]
    public async Task APartyOfThree_IsOfferedOnlyTimesWhereAllFit_RefusedClearlyWhereThereIsLessRoom_AndItsBookingTakesThreePlaces()
    {
        await using var session = await WebBookingSession.StartAsync();
        var (gateway, mail, _) = session;
        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        // Someone booked one place at 08:45 by SMS: the hour of 8 has 2 of its 3 places left.
        var sms = await service.HoldAsync("+420601000045", agenda, "zadost", Day, new LocalTime(8, 45));
        Assert.Equal(ConfirmOutcome.Confirmed, (await service.ConfirmAsync(sms.Hold!, "Petr Novák")).Outcome);
        using var citizen = new WebCitizen(gateway.Address);

        // The day page's form asks for the party; the day's links carry it on to the times.
        var days = await citizen.GetAsync("/objednat/OP/zadost?month=2026-12&osob=3");
        Assert.Contains("<option value=\"3\" selected=\"selected\">3</option>", days);
        var times = await citizen.GetAsync(WebCitizen.Link(days, "úterý 1. prosince 2026"));
        Assert.Contains("Počet osob: 3", WebCitizen.Text(times));
        // 08:00 (08:00, 08:15, 08:30) and 08:15 would need 3 places in the hour of 8; 08:30 puts its third at 09:00.
        Assert.DoesNotContain("/objednat/OP/zadost/2026-12-01/0800?osob=3", times);
        Assert.DoesNotContain("/objednat/OP/zadost/2026-12-01/0815?osob=3", times);
        var details = WebCitizen.Link(times, "08:30");
        Assert.Equal("/objednat/OP/zadost/2026-12-01/0830?osob=3", details);

        // The form posted for 08:00 all the same (an old page, a typed address): refused, saying why, nothing held.
        await citizen.GetAsync("/objednat/OP/zadost/2026-12-01/0800?osob=3");
        var refused = WebCitizen.Text(await citizen.PostAsync("/objednat/OP/zadost/2026-12-01/0800?osob=3",
            new Dictionary<string, string>(WebBookingHost.Person(Email)) { ["osob"] = "3" }));
        Assert.Equal(HttpStatusCode.Conflict, citizen.LastStatus);
        Assert.Contains("Počet osob (3) se v tento čas nevejde – volných míst není dost.", refused); // Czech for any party: not "Pro 3 osob"
        Assert.Contains(new LocalTime(8, 0), (await service.FreeSlotsAsync(agenda, Day, "zadost")).Select(s => s.Start));

        // A party larger than the office allows is a wrong field, not a booking.
        var tooMany = WebCitizen.Text(await citizen.PostAsync(details, new Dictionary<string, string>(WebBookingHost.Person(Email)) { ["osob"] = "5" }));
        Assert.Equal(HttpStatusCode.BadRequest, citizen.LastStatus);
        Assert.Contains("Vyberte počet osob od 1 do 4", tooMany);

        var form = await citizen.GetAsync(details);
        Assert.Contains("<option value=\"3\" selected=\"selected\">3</option>", form);
        var summary = WebCitizen.Text(await citizen.PostAsync(details, new Dictionary<string, string>(WebBookingHost.Person(Email)) { ["osob"] = "3" }));
        Assert.Contains("Počet osob 3", summary);
        var confirm = await mail.LinkAsync(Email, WebBookingHost.ConfirmSubject, "potvrdit");
        await citizen.GetAsync(confirm);
        Assert.Contains("Objednávka je potvrzena", WebCitizen.Text(await citizen.PostAsync(confirm)));

        var store = gateway.App.Services.GetRequiredService<IBookingStore>();
        var booking = Assert.Single(await store.GetDayBookingsAsync(Day), b => b.Channel == BookingChannel.Web);
        Assert.Equal([new LocalTime(8, 30), new LocalTime(8, 45), new LocalTime(9, 0)], booking.Places);
        // Its three places are taken: the hour of 8 is full for anyone, and 09:00 has one place fewer.
        var free = (await service.FreeSlotsAsync(agenda, Day, "zadost")).Select(s => s.Start).ToList();
        Assert.DoesNotContain(new LocalTime(8, 0), free);
        Assert.Contains("Počet osob: 3", (await mail.WaitAsync(Email, WebBookingHost.PinSubject)).TextBody);
    }

    [Fact]
    public async Task WithPartiesOff_NoPageAsksForTheParty_AndAnAddressAskingForTwoBooksOne()
    {
        await using var session = await WebBookingSession.StartAsync(new Dictionary<string, string?> { ["Booking:MaxPartySize"] = "1" });
        var (gateway, mail, citizen) = session;
        Assert.DoesNotContain("name=\"osob\"", await citizen.GetAsync("/objednat/OP/zadost?month=2026-12"));
        Assert.DoesNotContain("name=\"osob\"", await citizen.GetAsync("/objednat/OP/zadost/2026-12-01/0800"));
        var times = await citizen.GetAsync("/objednat/OP/zadost/2026-12-01?osob=2");
        Assert.Contains("/objednat/OP/zadost/2026-12-01/0800\"", times); // no party carried on
    }
}
