using System.Net.Http.Json;
using System.Text;
using SmsBooking.SmsGateway.Staff.Statistics;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Staff;

/// <summary>The console's CSV downloads as Excel opens them in a Czech locale: UTF-8 with a byte-order mark, <c>;</c>
/// between fields, CRLF, RFC 4180 quoting, no field run as a formula, the documented columns (docs/staff.md, "Export
/// CSV and print"): the day list's file and the range's bookings over real HTTP and real Redis, the quoting rules on
/// <see cref="CsvText"/> itself.</summary>
public class ExportCsvTests
{
    private const string Header = "datum;čas;osob;kód;jméno;telefon / e-mail;kanál;agenda;činnost;stav";

    [Fact]
    public void AField_StartingLikeAFormula_GetsAnApostrophe_AndOneWithASeparatorQuoteOrLineBreak_IsQuoted()
    {
        var bytes = new CsvText().Row("=HYPERLINK(\"x\")", "+420601000001", "-1", "@SUM", "a;b", "řekl \"ano\"", "dva\nřádky", -5, 12).ToBytes();

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\";'+420601000001;'-1;'@SUM;\"a;b\";\"řekl \"\"ano\"\"\";\"dva\nřádky\";-5;12\r\n",
            Encoding.UTF8.GetString(bytes[3..])); // a number is a number: -5 stays -5
    }

    [Fact]
    public async Task TheDayListsCsv_AndTheRangesBookingsCsv_HaveTheColumns_OneRowPerBooking_PhonesNeverAFormula()
    {
        await using var gateway = await GatewayHost.StartAsync(StaffConsoleHttpTests.Users());
        foreach (var (agenda, activity, time, phone) in new[] { ("OP", "zadost", "09:00", "601 555 111"), ("CP", "zadost", "10:00", (string?)null) })
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/staff/bookings")
            {
                Content = JsonContent.Create(new { agenda, activity, date = "2026-12-01", time, name = "Eva Malá", phone }),
            };
            request.Headers.Add("X-Api-Key", TestKioskKeys.Staff);
            Assert.True((await gateway.Http.SendAsync(request)).IsSuccessStatusCode);
        }
        using var console = new ConsoleClient(gateway);
        await console.SignInAsync(StaffConsoleHttpTests.User, StaffConsoleHttpTests.Password);

        foreach (var path in new[] { "/staff?handler=Csv&date=2026-12-01", "/staff/statistiky?handler=Bookings&from=2026-11-30&to=2026-12-02" })
        {
            var response = await console.GetAsync(path);
            var bytes = await response.Content.ReadAsByteArrayAsync();

            Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
            var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
            Assert.Equal([Header, "", ""], [lines[0], lines[^1], lines.Length == 4 ? "" : $"{lines.Length - 2} rows"]);
            Assert.Matches(@"^2026-12-01;09:00;1;[A-Z0-9]{6};Eva Malá;'\+420601555111;úřad;Občanské průkazy;Podání žádosti;objednáno$", lines[1]);
            Assert.Matches(@"^2026-12-01;10:00;1;[A-Z0-9]{6};Eva Malá;;úřad;Cestovní pasy;[^;]+;objednáno$", lines[2]); // no phone: empty
        }
    }
}
