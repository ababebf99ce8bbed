using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The guided conversation as a citizen's phone sees it, on the conversation harness (the gateway's services over
/// the embedded Garnet, no host). The fake clock starts on Monday 2026-11-30 07:00 Prague. What crosses HTTP is
/// <see cref="Conversation.WebhookConversationTests"/>.</summary>
public class ConversationFlowTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task FullBooking_InEnglish_EndsWithCodeAndPin()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.ExpectAsync("EN", @"^Hello.*\n1 Identity cards\n2 Passports\n3 Population register");
        await phone.ExpectAsync("2", @"Passports - send the number");
        await phone.ExpectAsync("2", @"choose a day");
        await phone.ExpectAsync("1", @"Free times Mon 30.11.");
        await phone.ExpectAsync("3", @"Mon 30.11. 08:40 is held for you until 07:15");
        await phone.ExpectAsync("John O'Neil-Smith Jr.", @"Summary: Passports - Passport collection, Mon 30.11.2026 08:40, John O'Neil-Smith Jr\.");
        var confirmed = await phone.ExpectAsync("OK", @"^Booked\. Code: [2-9A-HJ-NP-Z]{6}\n");
        Assert.Matches(@"PIN: \d{6}$", confirmed);
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task TypedDateAndTime_AreAccepted()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.SendAsync("3");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync("2.12.", @"Volne casy St 2\.12\.");
        await phone.ExpectAsync("9.30", @"Termin St 2\.12\. 09:30 drzime");
        await phone.ExpectAsync("ZPET", @"Volne casy St 2\.12\.");
        await phone.ExpectAsync("zpet", "vyberte den");
        await phone.ExpectAsync("3.12.2026", @"Volne casy Ct 3\.12\.");
    }

    [Fact]
    public async Task AnotherDayTyped_ThatIsClosed_GetsTheDaysAgain()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.ExpectAsync("5.12.", @"So 5\.12\. ma urad zavreno\.\n.*vyberte den");
        await phone.ExpectAsync("31.02.", @"^Poslete cislo dne ze seznamu nebo datum");
    }

    [Fact]
    public async Task Keywords_AreCaseAndDiacriticsBlind()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.ExpectAsync("1", "cinnost");
        await phone.ExpectAsync(" Zpět ", "^Poslete cislo agendy");
        await phone.ExpectAsync("pomoc", @"ZPET, ZNOVU = od zacatku.*OBJ ZOP 7\.12\. 14:00 NOVAK");
        await phone.ExpectAsync("en", "^Send the number of an agenda");
        await phone.ExpectAsync("help", "BACK, MENU = start over");
        await phone.ExpectAsync("cz", "^Poslete cislo agendy");
        await phone.ExpectAsync("1", "cinnost");
        await phone.ExpectAsync("Znovu", "^Poslete cislo agendy");
    }

    [Fact]
    public async Task Dalsi_PagesThroughDaysAndTimes()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.SendAsync("1");
        var first = await phone.ExpectAsync("1", @"(?s)\n1 Po 30\.11\.\n2 Ut 1\.12\..*DALSI = dalsi dny");
        var second = await phone.ExpectAsync("DALSI", @"\n1 Ut 8\.12\.");
        Assert.NotEqual(first, second);
        await phone.ExpectAsync("1", @"Volne casy Ut 8\.12\..*\n1 08:00\n");
        await phone.ExpectAsync("dalsi", @"\n1 11:00\n");
        await phone.ExpectAsync("1", @"Ut 8\.12\. 11:00 drzime");
    }

    [Fact]
    public async Task Znovu_ReleasesTheHold()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Office:Agendas:2:Counters"] = "1" });
        var phone = gateway.Phone();
        var other = gateway.Phone("+420602000002");
        await phone.SendAsync("hi");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("1", "08:00 drzime");
        await other.SendAsync("hi");
        await other.SendAsync("3");
        await other.SendAsync("1");
        await other.SendAsync("1");
        await other.ExpectAsync("08:00", "^08:00 neni volny cas"); // its list, read after the hold, never offered it
        await phone.ExpectAsync("ZNOVU", "^Poslete cislo agendy");
        await other.ExpectAsync("08:00", "08:00 drzime");
    }

    [Fact]
    public async Task Storno_DuringBooking_ReleasesTheHold_AndWithNothingUnderWay_ListsBookingsByName()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await phone.ExpectAsync("STORNO", "Drzeny termin uvolnen");
        Assert.Empty(await BookingsOf(gateway, phone.Number));
        await phone.ExpectAsync("storno", "Nemate zadnou objednavku ke zruseni");

        await phone.WalkToSummaryAsync();
        var confirmed = await phone.ExpectAsync("ANO", "Kod: ");
        var code = Regex.Match(confirmed, "Kod: (\\w{6})").Groups[1].Value;
        await phone.ExpectAsync("moje", $"{code} Po 30.11. 08:00 Obcanske prukazy - Podani zadosti PIN: \\d{{6}}");
        // Named as the summary names it, not by the agenda's id a citizen does not know (was "... 08:00 OP").
        await phone.ExpectAsync("STORNO", $"Kterou objednavku zrusit.*\n1 {code} Po 30.11. 08:00 Obcanske prukazy - Podani zadosti\n");
        await phone.ExpectAsync("1", $"^Zrusit objednavku {code} Po 30.11. 08:00 Obcanske prukazy\\? ANO");
        await phone.ExpectAsync("ANO", $"Objednavka {code} je zrusena");
        Assert.Empty(await BookingsOf(gateway, phone.Number));
        await phone.ExpectAsync("MOJE", "Nemate zadnou nadchazejici objednavku");
    }

    [Fact]
    public async Task StornoWithCode_CancelsThatBooking_OthersCodesAreUnknown()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        var code = Regex.Match(await phone.ExpectAsync("ANO", "Kod: "), "Kod: (\\w{6})").Groups[1].Value;
        var stranger = gateway.Phone("+420602999999");
        await stranger.ExpectAsync($"STORNO {code}", $"Objednavku {code} nemate");
        Assert.Single(await BookingsOf(gateway, phone.Number));
        await phone.ExpectAsync($"storno {code.ToLowerInvariant()}", $"Objednavka {code} je zrusena");
        Assert.Empty(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task SecondAno_AnswersAlreadyConfirmed_WithTheSameBooking()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        var code = Regex.Match(await phone.ExpectAsync("ANO", "Kod: "), "Kod: (\\w{6})").Groups[1].Value;
        await phone.ExpectAsync("ANO", $"Uz potvrzeno\\. Kod: {code}");
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task LapsedHold_TellsTheCitizenAndOffersTheNextTimes()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        gateway.Clock.Advance(Duration.FromMinutes(15));
        await phone.ExpectAsync("ANO", @"^Cas na potvrzeni vyprsel a termin se uvolnil\.\nVolne casy Po 30\.11\.");
        Assert.Empty(await BookingsOf(gateway, phone.Number));
        await phone.ExpectAsync("1", "drzime do 07:30");
    }

    [Fact]
    public async Task BadName_IsRefusedWithAHint()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("1", "jmeno a prijmeni");
        await phone.ExpectAsync("J", "^Napiste jmeno a prijmeni latinkou \\(2-100");
        await phone.ExpectAsync("<script>alert(1)</script>", "^Napiste jmeno a prijmeni latinkou \\(2-100");
        await phone.ExpectAsync(new string('a', 101), "^Napiste jmeno a prijmeni latinkou \\(2-100");
        await phone.ExpectAsync("Jan 2", "^Napiste jmeno a prijmeni latinkou \\(2-100");
        await phone.ExpectAsync("Γιάννης Παπάς", "^Napiste jmeno a prijmeni latinkou"); // would make every SMS UCS-2 (Cyrillic is transliterated)
        await phone.ExpectAsync(new string('a', 100), "Souhrn");
    }

    [Fact]
    public async Task TwoPhonesRacingForTheLastPlace_OneWinsTheOtherIsOfferedOtherTimes()
    {
        await using var gateway = ConversationHarness.Start();
        var a = gateway.Phone("+420601000001");
        var b = gateway.Phone("+420601000002");
        foreach (var p in new[] { a, b })
        {
            await p.SendAsync("hi");
            await p.SendAsync("3"); // Evidence obyvatel: one counter
            await p.SendAsync("1");
            await p.SendAsync("1");
        }
        var replies = await Task.WhenAll(a.SendAsync("08:00"), b.SendAsync("08:00"));
        Assert.Single(replies, r => r!.Contains("08:00 drzime"));
        var loser = Assert.Single(replies, r => r!.StartsWith("Tento cas byl prave obsazen"));
        Assert.DoesNotContain(" 08:00\n", loser);
        // The winner's hold also takes the activity's one booking of the 8 o'clock hour (Trutnov's quota).
        Assert.Contains("\n1 09:00", loser);
    }

    [Fact]
    public async Task TwoWebhooksOfOnePhoneAtOnce_AreHandledOneAfterTheOther()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        // Both say "1": one picks the agenda, the other (handled after it) picks the activity. Neither step is lost.
        var replies = await Task.WhenAll(phone.SendAsync("1"), phone.SendAsync("1"));
        Assert.Single(replies, r => r!.Contains("cinnosti"));
        Assert.Single(replies, r => r!.Contains("vyberte den"));
    }

    [Fact]
    public async Task RepeatedMessageSid_GetsAnEmptyResponseAndChangesNothing()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        Assert.Contains("cinnosti", await phone.SendAsync("1", "SM-duplicate-1"));
        Assert.Null(await phone.SendAsync("1", "SM-duplicate-1"));
        await phone.ExpectAsync("1", "vyberte den"); // still at the activity step: the repeat was not a step
    }

    [Theory]
    [InlineData("31.02.")]
    [InlineData("25:99")]
    [InlineData("-1")]
    [InlineData("999999999999999999999")]
    public async Task Garbage_AtEveryStep_GetsAHint(string garbage)
    {
        await using var gateway = ConversationHarness.Start();
        await gateway.Phone().GarbageAtEveryStepAsync(garbage);
    }

    [Fact]
    public async Task LongMessage_1600Characters_GetsAHint()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.ExpectAsync(new string('x', 1600), "^Poslete cislo 1 az 3");
    }

    [Fact]
    public async Task OptOut_SilencesTheNumberUntilStart()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        Assert.Null(await phone.SendAsync("STOP"));
        Assert.Null(await phone.SendAsync("1"));
        Assert.Null(await phone.SendAsync("POMOC"));
        await phone.ExpectAsync("START", "^Dobry den");
        await phone.ExpectAsync("1", "cinnosti");
    }

    [Fact]
    public async Task MessagesBeyondTheRateLimit_GetOneNoticeThenSilence()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Abuse:MaxMessagesPerWindow"] = "3" });
        var phone = gateway.Phone();
        for (int i = 0; i < 3; i++)
        {
            Assert.NotNull(await phone.SendAsync("hi"));
        }
        await phone.ExpectAsync("hi", "Prilis mnoho zprav");
        Assert.Null(await phone.SendAsync("hi"));
    }

    [Fact]
    public async Task NumberFromAnotherCountry_GetsAHint()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+4915112345678");
        await phone.ExpectAsync("hi", "jen z ceskych a slovenskych cisel.*\nSMS booking accepts Czech and Slovak numbers only");
    }

    [Fact]
    public async Task IdleConversation_ExpiresAndStartsFresh()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?> { ["Conversation:IdleExpiry"] = "00:00:01" });
        var phone = gateway.Phone();
        await phone.SendAsync("hi");
        await phone.ExpectAsync("1", "cinnosti");
        // The conversation lives in the store for the idle expiry (Redis's own time to live, in real time, at least a
        // second by the configuration's rule): its key carries it, and once that has run out (brought forward to a
        // millisecond instead of waiting the second) the conversation is gone.
        var db = gateway.Get<IConnectionMultiplexer>().GetDatabase();
        var key = gateway.Get<RedisKeys>().PhoneConversation(phone.Number);
        var ttl = await db.KeyTimeToLiveAsync(key);
        Assert.InRange(ttl ?? TimeSpan.Zero, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(1));
        Assert.True(await db.KeyExpireAsync(key, TimeSpan.FromMilliseconds(1)));
        var phones = gateway.Services.GetRequiredService<IPhoneStore>();
        await Poll.UntilAsync(async () => await phones.PeekSnapshotAsync(phone.Number) is null, TimeSpan.FromSeconds(10), "the idle conversation expired");
        await phone.ExpectAsync("1", "^Dobry den");
    }
}
