using System.Net.Http.Json;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Queue;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary><c>FRONTA</c> (<c>QUEUE</c>): how busy the counters are, by SMS, in one segment, with tickets drawn and called
/// over the kiosk's HTTP API (at any step of a booking: <see cref="Fast.QueueKeywordInTheConversationTests"/>).</summary>
public class QueueKeywordTests
{
    private static readonly OfficeSettings Office = TestOffice.Trutnov();

    /// <summary>Monday's office closes at 08:30 here, so by 08:20 no slot of the day is left to book.</summary>
    private static Task<GatewayHost> StartAsync() =>
        GatewayHost.StartAsync(new Dictionary<string, string?> { ["Office:Hours:Monday"] = "08:00-08:30" });

    private static async Task PostAsync(GatewayHost gateway, string path, object body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        (await gateway.Http.SendAsync(request)).EnsureSuccessStatusCode();
    }

    [Fact]
    public async Task Fronta_AnswersWhoWaitsHowLongAndTheNextFreeDay_InOneSegment()
    {
        await using var gateway = await StartAsync();
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 0));
        for (int i = 0; i < 3; i++)
        {
            await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "OP" }, TestKioskKeys.Kiosk);
        }
        await PostAsync(gateway, "/api/queue/next", new { counter = "1" }, TestKioskKeys.Counter);
        gateway.Clock.Advance(Duration.FromMinutes(10));
        await PostAsync(gateway, "/api/queue/done", new { counter = "1" }, TestKioskKeys.Counter);
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 8, 20));

        var reply = (await new SmsPhone(gateway).SendAsync("fronta"))!;
        // 2 waiting for identity cards, served in 10 minutes today, at 3 counters: ceil(2 x 10 / 3) = 7 minutes.
        Assert.Equal("Fronta 08:20: OP ceka 2, asi 7 min; CP nikdo neceka; EO nikdo neceka. Nejblizsi volny termin: OP Ut 1.12., CP Ut 1.12., EO Ut 1.12.", reply);
        Assert.Equal(1, SmsEncoding.Measure(reply).Segments);
    }

    [Fact]
    public async Task Queue_InEnglish_BeforeAnyServiceIsMeasured_EstimatesFromTheSlotLength()
    {
        await using var gateway = await StartAsync();
        gateway.Clock.Reset(TestOffice.Prague(2026, 11, 30, 7, 50));
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "EO" }, TestKioskKeys.Kiosk);
        await PostAsync(gateway, "/api/kiosk/walkin", new { agenda = "EO" }, TestKioskKeys.Kiosk);
        var phone = new SmsPhone(gateway);
        await phone.SendAsync("EN");
        var reply = (await phone.SendAsync("QUEUE"))!;
        // Population register: 2 waiting, no service measured yet, 15-minute slots, 1 counter: 30 minutes.
        Assert.Equal("Queue 07:50: OP none waiting; CP none waiting; EO 2 waiting, ~30 min. Next free booking: OP today, CP today, EO today", reply);
    }

    [Theory]
    [InlineData(Language.Cs)]
    [InlineData(Language.En)]
    public void TheLongestFigure_FitsOneSegment(Language language)
    {
        // Every agenda of the shipped office with 99 waiting, a three-digit wait and a next free day of the longest label.
        var longestDay = Enumerable.Range(0, 7).Select(i => new LocalDate(2026, 12, 28).PlusDays(i))
            .MaxBy(d => TextCatalog.Default.For(language).DayLabel(d).Length);
        var figure = new QueueFigure(new LocalDateTime(2026, 12, 28, 16, 45), true,
            Office.Agendas.Select(a => new AgendaQueue(a, 99, Duration.FromMinutes(999), true, longestDay)).ToList());
        var text = SmsEncoding.ToGsmFriendly(QueueStatus.Sms(figure, TextCatalog.Default.For(language)));
        var size = SmsEncoding.Measure(text);
        Assert.True(size.IsGsm7, text);
        Assert.True(size.Segments == 1, $"{size.Units} units: {text}");
    }
}
