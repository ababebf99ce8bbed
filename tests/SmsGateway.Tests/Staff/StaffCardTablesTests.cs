using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>On a phone the staff lists become cards (display:block), which takes the table's meaning away from a screen
/// reader; the explicit ARIA roles give it back.</summary>
public class StaffCardTablesTests
{
    [Fact]
    public async Task TheDayList_TurnedIntoCards_KeepsItsTableRolesOnEveryPart()
    {
        var settings = StaffConsoleHttpTests.Users();
        await using var gateway = await GatewayHost.StartAsync(settings);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 0));
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/bookings")
        {
            Content = JsonContent.Create(new { agenda = "OP", activity = "zadost", date = "2026-11-30", time = "09:00", name = "Eva Mala" }),
        };
        request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
        Assert.True((await gateway.Http.SendAsync(request)).IsSuccessStatusCode);

        using var console = new ConsoleClient(gateway);
        Assert.Equal(HttpStatusCode.Redirect, (await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password)).StatusCode);
        var page = await (await console.GetAsync("/staff")).Content.ReadAsStringAsync();

        Assert.Contains("<table class=\"schedule cards\" role=\"table\">", page);
        Assert.Contains("<thead role=\"rowgroup\">", page);
        Assert.Contains("<tbody role=\"rowgroup\">", page);
        Assert.Contains("role=\"columnheader\"", page);
        Assert.Matches("<tr role=\"row\" data-code=", page);
        var cells = Regex.Matches(page, "<td[ >]").Count;
        Assert.True(cells > 0);
        Assert.Equal(cells, Regex.Matches(page, "<td role=\"cell\"").Count);
    }
}
