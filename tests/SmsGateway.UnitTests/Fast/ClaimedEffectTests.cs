using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 23's audit: every reply that claims an effect (released, cancelled, the booking stays) says it only
/// when it is so. On the conversation harness; the clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class ClaimedEffectTests
{
    private static T Get<T>(ConversationHarness gateway) where T : notnull => gateway.Services.GetRequiredService<T>();

    /// <summary>Books Tuesday's application nearest to <paramref name="time"/> by SMS; the code.</summary>
    private static Task<string> BookAsync(CitizenPhone phone, string time = "09:00") => phone.BookApplicationAsync(time);

    [Fact]
    public async Task No_AtTheSummaryAfterTheHoldRanOut_SaysDeclined_NotThatTheHoldWasReleased()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        gateway.Clock.Advance(Duration.FromMinutes(16));
        await phone.ExpectAsync("NE", @"^Termin odmitnut a neobjednan, jine objednavky trvaji \(MOJE\)\.");
        Assert.Empty(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task Storno_WhileTheSlotIsHeld_SaysReleased_AndTheSlotIsFreeForTheNextPhone()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Office:Agendas:2:Counters"] = "1" });
        var phone = gateway.Phone();
        var other = gateway.Phone("+420602000002");
        foreach (var step in new[] { "hi", "3", "1", "1" })
        {
            await phone.SendAsync(step);
            await other.SendAsync(step);
        }
        await phone.ExpectAsync("08:00", "08:00 drzime");
        await other.ExpectAsync("08:00", "Tento cas byl prave obsazen");
        await phone.ExpectAsync("STORNO", @"^Drzeny termin uvolnen, objednavky trvaji \(MOJE\)\.");
        await other.ExpectAsync("08:00", "08:00 drzime");
    }

    [Theory]
    [InlineData(false)] // at the day list of the move: nothing held yet
    [InlineData(true)] // at the move's summary: the new time held
    public async Task Storno_DuringAMove_SaysTheMoveIsDropped_AndTheBookingStaysAsItWas(bool atSummary)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await BookAsync(phone);
        await phone.ExpectAsync($"PRESUN {code}", "vyberte den");
        if (atSummary)
        {
            await phone.SendAsync("2.12.");
            await phone.ExpectAsync("1", $"^Presun {code}: z Ut 1\\.12\\. 09:00 na St 2\\.12\\.2026");
        }
        await phone.ExpectAsync("STORNO", $@"^Presun zrusen, plati puvodni termin Ut 1\.12\. 09:00\. Zrusit i objednavku: STORNO {code}$");
        var booking = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        Assert.Equal((code, new LocalDate(2026, 12, 1), new LocalTime(9, 0), BookingStatus.Booked), (booking.Code, booking.Date, booking.Time, booking.Status));
        Assert.Null(await Get<BookingService>(gateway).CurrentHoldAsync(phone.Number));
    }

    [Theory]
    [InlineData("NE")]
    [InlineData("STORNO")]
    public async Task MoveGivenUp_AfterTheOfficeCancelledTheBooking_SaysTheBookingIsGone_NotThatItStays(string word)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await BookAsync(phone);
        await phone.SendAsync($"PRESUN {code} 2.12.");
        await phone.ExpectAsync("1", "^Presun .*Potvrdte ANO");
        Assert.NotNull(await Get<BookingService>(gateway).CancelAsync(phone.Number, code)); // the office, meanwhile

        await phone.ExpectAsync(word, $"^Objednavka {code} uz neplati");
        Assert.Empty(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
    }

    [Fact]
    public async Task WaitlistOfferDeclined_AfterTheOfficeCancelledTheBooking_SaysTheBookingIsGone_NotThatItStays()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await BookAsync(phone, "10:00");
        var booked = Assert.Single(await Get<BookingService>(gateway).UpcomingAsync(phone.Number));
        var agenda = Get<OfficeSettings>(gateway).FindAgenda("OP")!;
        Assert.NotNull(await Get<OfferedHold>(gateway).TryOfferSlotAsync(phone.Number, agenda, "zadost", booked.Name, booked.Date,
            new LocalTime(8, 0), new MovingBooking(code, booked.Date, booked.Time)));
        Assert.NotNull(await Get<BookingService>(gateway).CancelAsync(phone.Number, code));

        await phone.ExpectAsync("NE", $"^Objednavka {code} uz neplati");
    }

    [Fact]
    public async Task StornoWithCode_Repeated_SaysCancelledAgain()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await BookAsync(phone);
        await phone.ExpectAsync($"STORNO {code}", $"^Objednavka {code} je zrusena");
        await phone.ExpectAsync($"STORNO {code}", $"^Objednavka {code} je zrusena"); // the retry a citizen may be asked for
    }
}
