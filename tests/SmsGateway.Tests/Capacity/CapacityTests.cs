using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Capacity;

/// <summary>The office's own policy with the shipped appsettings, over HTTP against real Redis: one booking per
/// counter, activity and hour (the rest of the counters' time is for walk-ins), and a daily cap of walk-in tickets.
/// The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class CapacityTests(SharedGateway shared) : IClassFixture<SharedGateway>
{
    [Fact]
    public async Task FiftyPhonesRaceForOneActivityHour_NoHourGetsMoreThanItsQuota_AndAFullHourIsNoLongerOffered()
    {
        var gateway = await shared.FreshAsync();
        var phones = Enumerable.Range(0, 50).Select(i => new SmsPhone(gateway, $"+42060200{i:0000}")).ToList();
        // Everyone asks for Tuesday 09:00, an application for an identity card, at once; whoever is offered another
        // time takes it, and whoever finds nothing left tries again.
        var outcomes = await Task.WhenAll(phones.Select(async phone =>
        {
            var reply = "";
            for (int attempt = 0; attempt < 5 && !reply.Contains("Kod: "); attempt++)
            {
                reply = await phone.SendAsync("OBJ ZOP 1.12. 09:00 Jana Novakova") ?? "";
                if (reply.Contains("Potvrdte ANO"))
                {
                    reply = await phone.SendAsync("ANO") ?? "";
                }
            }
            return reply;
        }));

        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var bookings = new List<Booking>();
        foreach (var phone in phones)
        {
            bookings.AddRange(await service.UpcomingAsync(phone.Number));
        }
        Assert.Equal(outcomes.Count(o => o.Contains("Kod: ")), bookings.Count);
        Assert.True(bookings.Count >= 12, $"only {bookings.Count} of 50 booked");
        var agenda = service.Calendar.Office.FindAgenda("OP")!;
        var quota = agenda.FindActivity("zadost")!.BookablePerHour!.Value * agenda.Counters; // 1 per counter: 3 an hour
        Assert.Equal(3, quota);
        var hours = bookings.GroupBy(b => (b.Date, b.Time.Hour)).ToList();
        Assert.All(hours, h => Assert.True(h.Count() <= quota, $"{h.Key}: {h.Count()} bookings for a quota of {quota}"));
        Assert.Equal(quota, hours.Single(h => h.Key == (new LocalDate(2026, 12, 1), 9)).Count());
        Assert.All(bookings.GroupBy(b => (b.Date, b.Time)), s => Assert.True(s.Count() <= agenda.Counters));

        // A full hour is offered to nobody for that activity, by any way of asking; other activities still get it.
        foreach (var full in hours.Where(h => h.Count() == quota).Select(h => h.Key))
        {
            Assert.DoesNotContain(await service.FreeSlotsAsync(agenda, full.Date, "zadost"), s => s.Start.Hour == full.Hour);
        }
        var volno = await new SmsPhone(gateway, "+420602009999").SendAsync("VOLNO ZOP 1.12.");
        Assert.DoesNotMatch(@"\b09:\d\d\b", volno!);
        Assert.Contains(await service.FreeSlotsAsync(agenda, new LocalDate(2026, 12, 1), "prevzeti"), s => s.Start.Hour == 9);
        var guided = new SmsPhone(gateway, "+420602009998");
        await guided.ExpectAsync("Dobry den", "Obcanske prukazy");
        await guided.ExpectAsync("1", "cinnosti");
        await guided.ExpectAsync("1", "vyberte den");
        // The race may have filled Tuesday's applications altogether: then the day has no time at all to offer.
        var times = await guided.ExpectAsync("1.12.", "Volne casy|uz neni volny cas");
        Assert.DoesNotMatch(@"\b09:\d\d\b", times);
    }

    [Fact]
    public async Task WalkInTickets_StopAtTheAgendasDailyCap_WithTheKiosksSentence()
    {
        var gateway = await shared.FreshAsync();
        async Task<HttpResponseMessage> WalkInAsync(string agenda)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/kiosk/walkin") { Content = JsonContent.Create(new { agenda }) };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Kiosk);
            return await gateway.Http.SendAsync(request);
        }
        var cap = TestOffice.Trutnov().FindAgenda("EO")!.WalkInDailyCap; // shipped: 10
        Assert.Equal(10, cap);
        var issued = await Task.WhenAll(Enumerable.Range(0, cap + 5).Select(_ => WalkInAsync("EO")));
        Assert.Equal(cap, issued.Count(r => r.StatusCode == HttpStatusCode.OK));
        var refused = issued.First(r => r.StatusCode != HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("walkins_full", body.GetProperty("error").GetString());
        Assert.Equal("Dnes už bez objednání neobsloužíme.", body.GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.OK, (await WalkInAsync("OP")).StatusCode); // another agenda has its own cap

        gateway.Clock.Advance(Duration.FromDays(1)); // a new day, a new count
        Assert.Equal(HttpStatusCode.OK, (await WalkInAsync("EO")).StatusCode);
    }
}
