using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Outbound;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.Closures;

/// <summary>Closures that repeat (a weekday's hours until a date) and span (a range of days), over the real host and
/// real Redis: each office day closed as a single closure is, its citizens told once, the same request made again
/// closing and telling nothing twice, the preview cancelling nothing, a series reopened whole. The fake clock starts on
/// Monday 2026-11-30 07:00 Prague; the sender is off, so the outbox keeps what was queued.</summary>
public class ClosureSeriesTests
{
    private static Task<GatewayHost> StartAsync() =>
        GatewayHost.StartAsync(new Dictionary<string, string?>(StaffConsoleHttpTests.Users()) { ["Outbound:Enabled"] = "false" });

    private static async Task<SmsPhone> BookAsync(GatewayHost gateway, string number, string day, string time, string name)
    {
        var phone = new SmsPhone(gateway, number);
        await phone.ExpectAsync($"OBJ ZOP {day} {time} {name}", $"{time}, {name}\\.");
        await phone.ExpectAsync("ANO", "Kod: ");
        return phone;
    }

    private static async Task<IReadOnlyList<OutboundMessage>> OutboxAsync(GatewayHost gateway) =>
        (await gateway.App.Services.GetRequiredService<IOutbox>().ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();

    private static ClosureSeries Fridays(GatewayHost gateway) =>
        new(new LocalDate(2026, 11, 30), new LocalDate(2026, 12, 31), new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Friday },
            new LocalTime(12, 0), new LocalTime(17, 0), null, null, "porada", "test", gateway.Clock.GetCurrentInstant());

    [Fact]
    public async Task EveryFridayAfternoonUntilADate_ClosesEachFriday_CancelsOnlyItsAfternoons_AndMadeAgainTellsNobodyTwice()
    {
        await using var gateway = await StartAsync();
        var friday = await BookAsync(gateway, "+420604000001", "4.12.", "12:00", "Jana Novakova");
        var nextFriday = await BookAsync(gateway, "+420604000002", "11.12.", "13:00", "Petr Svoboda");
        var morning = await BookAsync(gateway, "+420604000003", "4.12.", "10:00", "Eva Mala");
        var thursday = await BookAsync(gateway, "+420604000004", "3.12.", "13:00", "Ota Maly");
        var series = gateway.App.Services.GetRequiredService<StaffClosureSeries>();

        var preview = await series.PreviewAsync(Fridays(gateway));
        Assert.Equal([4, 11, 18], preview.Select(d => d.Date.Day)); // Fridays of December but Christmas Day, a public holiday
        Assert.Equal(2, preview.Sum(d => d.Affected.Count));
        Assert.All(preview, d => Assert.True(d.AllCancelled));
        Assert.Empty(await OutboxAsync(gateway)); // a preview cancels nothing

        var report = await series.CloseAsync(Fridays(gateway), "S-fridays", offer: false);
        var again = await series.CloseAsync(Fridays(gateway), "S-fridays", offer: false); // a double click, a retry

        Assert.Equal(3, report.Days.Count);
        Assert.Equal(2, report.Cancelled);
        Assert.Equal(report.Days.Select(d => d.Closure.Id), again.Days.Select(d => d.Closure.Id));
        Assert.All(again.Notices, n => Assert.Equal(Notices.Told.AlreadyTold, n.Told));
        var sms = await OutboxAsync(gateway);
        Assert.Equal([friday.Number, nextFriday.Number], sms.Select(m => m.To).Order());
        Assert.Contains("Pa 4.12.2026 12:00 (Obcanske prukazy) je zrusen: porada", sms.Single(m => m.To == friday.Number).Body);
        var booking = gateway.App.Services.GetRequiredService<BookingService>();
        Assert.Single(await booking.UpcomingAsync(morning.Number));
        Assert.Single(await booking.UpcomingAsync(thursday.Number));
        var closures = gateway.App.Services.GetRequiredService<ClosureService>();
        Assert.Equal(3, (await closures.UpcomingAsync(40)).Count(c => c.Series == "S-fridays"));
        var cards = booking.Calendar.Office.FindAgenda("OP")!;
        Assert.DoesNotContain(await booking.FreeSlotsAsync(cards, new LocalDate(2026, 12, 18)), s => s.Start >= new LocalTime(12, 0));

        // Reopened whole: every Friday's afternoon is offered again; the cancelled bookings stay cancelled.
        Assert.Equal(3, (await series.ReopenAsync("S-fridays", "test")).Count);
        Assert.Empty(await closures.UpcomingAsync(40));
        Assert.Contains(await booking.FreeSlotsAsync(cards, new LocalDate(2026, 12, 18)), s => s.Start == new LocalTime(12, 0));
        Assert.Empty(await booking.UpcomingAsync(friday.Number));
    }

    [Fact]
    public async Task ARangeOfDays_ClosesEachOfficeDay_SkipsTheWeekend_AndAPastOrBackwardRangeIsRefused()
    {
        await using var gateway = await StartAsync();
        var series = gateway.App.Services.GetRequiredService<StaffClosureSeries>();
        var range = new ClosureSeries(new LocalDate(2026, 12, 4), new LocalDate(2026, 12, 8), new HashSet<IsoDayOfWeek>(), null, null, "CP", null,
            "stehovani", "test", gateway.Clock.GetCurrentInstant());

        var report = await series.CloseAsync(range, "S-range", offer: true);

        Assert.Equal([4, 7, 8], report.Days.Select(d => d.Closure.Date.Day)); // Friday, Monday, Tuesday
        Assert.All(report.Days, d => Assert.Equal(("CP", true, "S-range"), (d.Closure.AgendaId!, d.Closure.WholeDay, d.Closure.Series!)));
        var booking = gateway.App.Services.GetRequiredService<BookingService>();
        Assert.Empty(await booking.FreeSlotsAsync(booking.Calendar.Office.FindAgenda("CP")!, new LocalDate(2026, 12, 7)));
        Assert.NotEmpty(await booking.FreeSlotsAsync(booking.Calendar.Office.FindAgenda("OP")!, new LocalDate(2026, 12, 7)));

        var backward = await Assert.ThrowsAsync<StaffRequestException>(() => series.CloseAsync(range with { Last = new LocalDate(2026, 12, 1) }, "S-b", offer: true));
        Assert.StartsWith("until:", backward.Message);
        var yesterday = booking.Calendar.Today().PlusDays(-1); // Sunday 29 November by the fake clock
        var past = await Assert.ThrowsAsync<StaffRequestException>(() => series.CloseAsync(range with { First = yesterday }, "S-p", offer: true));
        Assert.StartsWith("date:", past.Message);
        Assert.Empty(await gateway.App.Services.GetRequiredService<ClosureService>().ClosuresAsync(yesterday));
        var weekend = await Assert.ThrowsAsync<StaffRequestException>(() =>
            series.CloseAsync(range with { Weekdays = new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Sunday } }, "S-w", offer: true));
        Assert.StartsWith("weekdays:", weekend.Message);
    }

    [Fact]
    public async Task ASeriesOfMoreThan130OfficeDays_IsRefusedByThePreviewAndTheForm_TellingTheClerkToSplitIt_AndClosesNothing()
    {
        await using var gateway = await StartAsync();
        using var console = new ConsoleClient(gateway);
        await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password);
        var year = new Dictionary<string, string>
        {
            ["Scope"] = "*", ["Date"] = "2026-12-01", ["Until"] = "2027-11-26", ["Reason"] = "rekonstrukce", ["Offer"] = "false",
        };
        var closures = gateway.App.Services.GetRequiredService<ClosureService>();

        var preview = await (await console.PostAsync("/staff/closures?handler=Preview", new(year), "/staff/closures")).Content.ReadAsStringAsync();
        var close = await (await console.PostAsync("/staff/closures", new(year), "/staff/closures")).Content.ReadAsStringAsync();

        foreach (var page in new[] { preview, close })
        {
            Assert.Matches("najednou lze uzavřít nejvýše 130 úředních dní a tato řada jich má 2[45]\\d\\. Rozdělte ji na kratší řady", page);
            Assert.DoesNotContain("data-preview=\"days\"", page);
        }
        Assert.Empty(await closures.UpcomingAsync());

        // The 130th office day from the first is the last a series may reach; one more is refused.
        var series = gateway.App.Services.GetRequiredService<StaffClosureSeries>();
        var all = new ClosureSeries(new LocalDate(2026, 12, 1), new LocalDate(2027, 11, 26), new HashSet<IsoDayOfWeek>(), null, null, null, null,
            "rekonstrukce", "test", gateway.Clock.GetCurrentInstant());
        var days = closures.DaysOf(all);
        Assert.Null(series.Problem(all with { Last = days[ClosureService.MaxOfficeDays - 1] }));
        Assert.StartsWith("until: at most 130 office days at once, and this series has 131. Split it",
            series.Problem(all with { Last = days[ClosureService.MaxOfficeDays] }, english: true));
    }

    [Fact]
    public async Task TheConsoleForm_StartsWithNothingChosen_AndRefusesToCloseUntilTheWholeOfficeOrAnAgendaIsChosen()
    {
        await using var gateway = await StartAsync();
        using var console = new ConsoleClient(gateway);
        await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password);
        var form = await (await console.GetAsync("/staff/closures")).Content.ReadAsStringAsync();
        Assert.Matches("<option value=\"\" selected=\"selected\">— vyberte —</option>", form);
        var closures = gateway.App.Services.GetRequiredService<ClosureService>();

        var refused = await (await console.PostAsync("/staff/closures", new() { ["Date"] = "2026-12-01", ["Reason"] = "nemoc", ["Offer"] = "false" }, "/staff/closures"))
            .Content.ReadAsStringAsync();
        Assert.Contains("Vyberte, koho se uzavření týká: celý úřad, nebo jednu agendu.", refused);
        Assert.Empty(await closures.ClosuresAsync(new LocalDate(2026, 12, 1)));

        await console.PostAsync("/staff/closures", new() { ["Scope"] = "*", ["Date"] = "2026-12-01", ["Reason"] = "nemoc", ["Offer"] = "false" }, "/staff/closures");
        var closed = Assert.Single(await closures.ClosuresAsync(new LocalDate(2026, 12, 1)));
        Assert.Equal((null, null, null), (closed.AgendaId, closed.Counters, closed.Series));
    }
}
