using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 15's examples, each on the conversation harness (no host; the embedded Garnet): the conversation takes what citizens actually write
/// (docs/conversation-reading.md) and asks only what is missing. The fake clock starts on Monday 2026-11-30 07:00
/// Prague: zitra is Tue 1.12., pondeli the next Monday 7.12.</summary>
public class PlainWordsTests
{
    private static Task<IReadOnlyList<Booking>> BookingsOf(ConversationHarness gateway, string phone) =>
        gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone);

    [Fact]
    public async Task FirstMessage_ChciPas_AsksOnlyWhichPassportActivity()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("Chci pas", @"^Cestovni pasy - poslete cislo cinnosti:\n1 Podani zadosti o pas\n2 Prevzeti pasu\n");
    }

    [Theory]
    [InlineData("pasy", "Cestovni pasy")]
    [InlineData("pas", "Cestovni pasy")]
    [InlineData("obcanka", "Obcanske prukazy")]
    [InlineData("OP", "Obcanske prukazy")]       // the agenda's code
    [InlineData("trvaly pobyt", "Evidence obyvatel")]
    public async Task AgendaStep_AgendaByWordOrCode_IsChosen(string text, string agenda)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("Dobry den", "^Dobry den");
        await phone.ExpectAsync(text, $"^{agenda} - poslete cislo cinnosti");
    }

    [Theory]
    [InlineData("vyzvednuti", "Prevzeti prukazu")] // an activity by word, within the agenda chosen
    [InlineData("POP", "Prevzeti prukazu")]        // by its code
    [InlineData("Prevzeti prukazu", "Prevzeti prukazu")] // by its name
    [InlineData("2", "Prevzeti prukazu")]          // by its number
    public async Task ActivityStep_ActivityByWordCodeNameOrNumber_GoesToTheDays(string text, string activity)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("obcanka", "cinnosti");
        await phone.ExpectAsync(text, "vyberte den");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("Jana Novakova", $"^Souhrn: Obcanske prukazy - {activity},");
    }

    [Theory]
    [InlineData("dnes", @"Po 30\.11\.")]
    [InlineData("zitra", @"Ut 1\.12\.")]
    [InlineData("pozitri", @"St 2\.12\.")]
    [InlineData("pondeli", @"Po 7\.12\.")]        // said on a Monday: the next one
    [InlineData("v pondeli", @"Po 7\.12\.")]
    [InlineData("ve stredu", @"St 2\.12\.")]
    [InlineData("ctvrtek", @"Ct 3\.12\.")]
    [InlineData("pristi utery", @"Ut 8\.12\.")]   // next calendar week's
    [InlineData("15.12.", @"Ut 15\.12\.")]
    [InlineData("15.12", @"Ut 15\.12\.")]
    [InlineData("15. 12.", @"Ut 15\.12\.")]
    [InlineData("15.12.2026", @"Ut 15\.12\.")]
    [InlineData("15. prosince", @"Ut 15\.12\.")]
    public async Task DayStep_DaysAsPeopleWriteThem_ListThatDaysTimes(string text, string day)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.ExpectAsync("1", "vyberte den");
        await phone.ExpectAsync(text, $"^Volne casy {day} ");
    }

    [Theory]
    [InlineData("today", @"Mon 30\.11\.")]
    [InlineData("tomorrow", @"Tue 1\.12\.")]
    [InlineData("monday", @"Mon 7\.12\.")]
    [InlineData("next monday", @"Mon 7\.12\.")]
    [InlineData("15 Dec", @"Tue 15\.12\.")]
    [InlineData("Dec 15", @"Tue 15\.12\.")]
    public async Task DayStep_EnglishDays_ListThatDaysTimes(string text, string day)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.SendAsync("EN");
        await phone.SendAsync("3");
        await phone.ExpectAsync("1", "choose a day");
        await phone.ExpectAsync(text, $"^Free times {day} ");
    }

    [Fact]
    public async Task DayStep_NextWeek_ListsTheFreeDaysOfThatWeek()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.ExpectAsync("pristi tyden", @"vyberte den.*\n1 Po 7\.12\.\n2 Ut 8\.12\.\n3 St 9\.12\.\n4 Ct 10\.12\.\n5 Pa 11\.12\.$");
    }

    [Theory]
    [InlineData("9:30", "09:30")]
    [InlineData("9.30", "09:30")]
    [InlineData("930", "09:30")]
    [InlineData("v 10", "10:00")]
    [InlineData("v deset", "10:00")]
    [InlineData("10h", "10:00")]
    [InlineData("10 hod", "10:00")]
    [InlineData("pul desate", "09:30")]          // half of the tenth hour
    [InlineData("ctvrt na deset", "09:15")]
    [InlineData("tri ctvrte na deset", "09:45")]
    [InlineData("v 2", "14:00")]                 // an office hour: 2 in the afternoon
    [InlineData("10am", "10:00")]
    [InlineData("2:30 pm", "14:30")]
    public async Task TimeStep_TimesAsPeopleWriteThem_HoldThatTime(string text, string time)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.ExpectAsync("zitra", @"Volne casy Ut 1\.12\.");
        await phone.ExpectAsync(text, $@"^Termin Ut 1\.12\. {time} drzime do 07:15");
    }

    [Theory]
    [InlineData("rano", "08:00", "09:45")]       // before 10:00
    [InlineData("dopoledne", "08:00", "10:45")]  // a page of the morning
    [InlineData("odpoledne", "12:00", "14:45")]
    [InlineData("po obede", "12:00", "14:45")]
    public async Task TimeStep_PartOfTheDay_ListsOnlyItsTimes(string text, string first, string last)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.SendAsync("zitra");
        var times = await phone.ExpectAsync(text, $@"^Volne casy Ut 1\.12\. .*\n1 {first}\n");
        var listed = Regex.Matches(times, @"\n\d+ (\d\d:\d\d)").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(last, listed[^1]);
    }

    [Theory]
    [InlineData("morning", "08:00")]
    [InlineData("afternoon", "12:00")]
    public async Task TimeStep_EnglishPartOfTheDay_ListsOnlyItsTimes(string text, string first)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.SendAsync("EN");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.SendAsync("tomorrow");
        var times = await phone.ExpectAsync(text, $@"^Free times Tue 1\.12\. .*\n1 {first}\n");
        Assert.DoesNotContain(text == "morning" ? "\n12:00" : " 11:45", times);
    }

    [Fact]
    public async Task PotrebovalBychNovyObcanskyVPondeliDopoledne_OffersMondayMorningsTimesForTheApplication()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var times = await phone.ExpectAsync("Potreboval bych novy obcansky v pondeli dopoledne", @"^Rozumim: Obcanske prukazy - Podani zadosti\.\nVolne casy Po 7\.12\. .*\n1 08:00\n");
        Assert.All(Regex.Matches(times, @"\n\d+ (\d\d):\d\d").Select(m => int.Parse(m.Groups[1].Value)), hour => Assert.True(hour < 12));
        await phone.ExpectAsync("3", @"^Termin Po 7\.12\. 08:30 drzime");
        await phone.ExpectAsync("Jan Novak", @"^Souhrn: Obcanske prukazy - Podani zadosti, Po 7\.12\.2026 08:30, Jan Novak\.");
    }

    [Fact]
    public async Task PasZitraV10_AsksOnlyWhichPassportActivity_ThenHoldsTomorrowAtTen()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("pas zitra v 10", @"^Rozumim: Ut 1\.12\. 10:00\.\nCestovni pasy - poslete cislo cinnosti:\n1 Podani zadosti o pas\n2 Prevzeti pasu\n");
        await phone.ExpectAsync("1", @"^Termin Ut 1\.12\. 10:00 drzime do 07:15\. Napiste jmeno a prijmeni");
    }

    [Fact]
    public async Task PasZitraV10_TenTaken_OffersTheNearestFreeTimesThatDay()
    {
        // One counter, and every one of its slots bookable (no Trutnov quota, which would leave nothing else at 10).
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Office:Agendas:1:Counters"] = "1",
            ["Office:Agendas:1:Activities:0:BookablePerHour"] = "100",
        });
        var other = gateway.Phone("+420601000001");
        await other.ExpectAsync("OBJ CP 1.12. 10:00 Prvni", "10:00");
        var phone = gateway.Phone();
        await phone.SendAsync("pas zitra v 10");
        // Taken before it was asked for: not free, rather than "just taken".
        var nearest = await phone.ExpectAsync("1", @"^10:00 neni volny cas\.\nVolne casy Ut 1\.12\. ");
        // Passport slots are 20 minutes: the twelve nearest to 10:00, in order, without 10:00.
        Assert.Contains("\n1 08:00\n", nearest);
        Assert.Contains("\n6 09:40\n7 10:20\n", nearest);
        Assert.EndsWith("\n12 12:00", nearest);
        Assert.DoesNotContain(" 10:00\n", nearest);
        await phone.ExpectAsync("7", @"^Termin Ut 1\.12\. 10:20 drzime");
    }

    [Fact]
    public async Task TimeNotOffered_SaysSoAndOffersTheNearestFreeTimesThatDay()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.SendAsync("zitra"); // Tuesday: open until 15:00
        var nearest = await phone.ExpectAsync("v 16:00", @"^16:00 je mimo uredni hodiny, Ut 1\.12\. mame otevreno 8:00-15:00\.\nVolne casy Ut 1\.12\. ");
        Assert.EndsWith("\n1 12:00\n2 12:15", nearest[..nearest.IndexOf("\n3 ", StringComparison.Ordinal)]);
        Assert.EndsWith("\n12 14:45", nearest);
    }

    [Fact]
    public async Task PasZitraV10JanNovak_BooksWithinThreeReplies()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var replies = new List<string>
        {
            await phone.ExpectAsync("pas zitra v 10, Jan Novak", @"^Rozumim: Ut 1\.12\. 10:00\.\nCestovni pasy - poslete cislo cinnosti"),
            await phone.ExpectAsync("1", @"^Souhrn: Cestovni pasy - Podani zadosti o pas, Ut 1\.12\.2026 10:00, Jan Novak\. Potvrdte ANO"),
            await phone.ExpectAsync("ano", @"^Objednano\. Kod: \w{6}\n"),
        };
        Assert.Matches(@"PIN: \d{6}$", replies[^1]);
        Assert.True(replies.Count <= 3);
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Equal(("CP", "zadost", "Jan Novak"), (booking.AgendaId, booking.ActivityId, booking.Name));
    }

    [Fact]
    public async Task EnglishRichFirstMessage_AsksTheActivity_ThenTheSummary()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone("+421905123456");
        await phone.ExpectAsync("EN", "^Hello");
        await phone.ExpectAsync("passport tomorrow at 10am, John Smith", @"^Understood: Tue 1\.12\. 10:00\.\nPassports - send the number of what you need");
        await phone.ExpectAsync("2", @"^Summary: Passports - Passport collection, Tue 1\.12\.2026 10:00, John Smith\.");
        await phone.ExpectAsync("yes", @"^Booked\. Code: ");
    }

    [Fact]
    public async Task ObjZcd_DateTimeAndName_HoldsThePassportApplication()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ ZCD 15.12. 9:30 NOVAK", @"^Cestovni pasy, Ut 15\.12\.2026 09:20, NOVAK\.|^Pozadovany termin neni volny, nejblizsi volny: Cestovni pasy, Ut 15\.12\.2026 (09:20|09:40), NOVAK\.");
        await phone.ExpectAsync("ANO", "Kod: ");
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Equal(("CP", "zadost"), (booking.AgendaId, booking.ActivityId));
    }

    [Fact]
    public async Task ObjPop_BooksTheIdentityCardPickup_NotTheApplication()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("OBJ POP NOVAK", @"^Obcanske prukazy, Po 30\.11\.2026 08:00, NOVAK\. Potvrdte ANO");
        await phone.ExpectAsync("ANO", "Kod: ");
        var booking = Assert.Single(await BookingsOf(gateway, phone.Number));
        Assert.Equal(("OP", "prevzeti"), (booking.AgendaId, booking.ActivityId));
    }

    [Theory]
    [InlineData("OBJ HELP")]
    [InlineData("OBJ POMOC")]
    [InlineData("obj pomoc")]
    public async Task ObjHelp_ExplainsTheOneMessageSyntaxWithTheCodes(string text)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync(text, @"^Objednani jednou SMS: OBJ kod \[datum\] \[cas\] jmeno.*Kody: OP/ZOP/POP/ZTOP Obcanske prukazy");
    }

    [Fact]
    public async Task VolnoPcd_ListsThePassportsFreeTimesOfThatDay()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.ExpectAsync("VOLNO PCD 15.12.", @"^Cestovni pasy volno Ut 15\.12\.: 08:00 08:20 08:40 09:00 ");
    }

    [Theory]
    [InlineData("ano")]
    [InlineData("jo")]
    [InlineData("jj")]
    [InlineData("ok")]
    [InlineData("potvrzuji")]
    [InlineData("souhlasim")]
    [InlineData("Ano, potvrzuji. Dekuji")]
    public async Task Summary_YesAsPeopleWriteIt_Books(string yes)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await phone.ExpectAsync(yes, @"^Objednano\. Kod: ");
        Assert.Single(await BookingsOf(gateway, phone.Number));
    }

    [Theory]
    [InlineData("ne")]
    [InlineData("nechci")]
    [InlineData("no")]
    public async Task Summary_NoAsPeopleWriteIt_ReleasesTheHold(string no)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await phone.ExpectAsync(no, "^Drzeny termin uvolnen, objednavky trvaji");
        Assert.Null(await gateway.Services.GetRequiredService<BookingService>().CurrentHoldAsync(phone.Number));
        Assert.Empty(await BookingsOf(gateway, phone.Number));
    }

    [Fact]
    public async Task Summary_NoWithAnotherDay_ReleasesTheHoldAndGoesToThatDay()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync();
        await phone.ExpectAsync("ne, radsi ve stredu", @"^Volne casy St 2\.12\. ");
        Assert.Null(await gateway.Services.GetRequiredService<BookingService>().CurrentHoldAsync(phone.Number));
    }

    [Theory]
    [InlineData("Jmenuji se Jan Novak", "Jan Novak")]
    [InlineData("jmenuju se Petra Svobodová", "Petra Svobodova")]
    [InlineData("Ne Tran", "Ne Tran")]          // "ne" alone is no; with more it is a name
    [InlineData("Jan Pátek", "Jan Patek")]
    [InlineData("Silvestr Novak", "Silvestr Novak")] // a given name still, beside a surname, though Silvestr is 31.12.
    [InlineData("Štěpán Novák", "Stepan Novak")]      // svateho Stepana is 26.12., Stepan alone a name
    public async Task NameStep_TheNameAsPeopleWriteIt(string text, string name)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("1", "jmeno a prijmeni");
        await phone.ExpectAsync(text, $@"^Souhrn: .*, {name}\. Potvrdte ANO");
    }

    [Fact]
    public async Task NameStep_AWeekdayAlone_AsksForTheFirstNameAndSurname_AndKeepsTheHold()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("1", "jmeno a prijmeni");
        await phone.ExpectAsync("Pátek", "^Napiste jmeno a prijmeni latinkou"); // Friday, or a surname cut short
        Assert.NotNull(await gateway.Services.GetRequiredService<BookingService>().CurrentHoldAsync(phone.Number));
        await phone.ExpectAsync("Jan Pátek", @"^Souhrn: .*, Jan Patek\.");
    }

    [Fact]
    public async Task ClosedDayNamed_SaysSoAndOffersTheNearestFreeDays_ANumberPicksFromThatList()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.ExpectAsync("v sobotu", @"^So 5\.12\. ma urad zavreno\.\n.*vyberte den.*\n1 Ut 1\.12\.\n2 St 2\.12\.\n3 Ct 3\.12\.\n4 Pa 4\.12\.\n5 Po 7\.12\.\n6 Ut 8\.12\.\nDALSI = dalsi dny$");
        // The number picks from the list last shown (the nearest days), not from the first page of days (3 Wed 2.12.).
        await phone.ExpectAsync("3", @"^Volne casy Ct 3\.12\. ");
    }

    [Fact]
    public async Task FullDayNamed_SaysSoAndOffersTheNearestFreeDays()
    {
        await using var gateway = ConversationHarness.Start(new Dictionary<string, string?>
        {
            ["Office:Agendas:2:Counters"] = "1",
            ["Office:Hours:Wednesday"] = "08:00-08:15", // one place on Wednesdays
        });
        var first = gateway.Phone("+420601000001");
        await first.ExpectAsync("OBJ EO 2.12. 8:00 Prvni", @"St 2\.12\.2026 08:00");
        await first.ExpectAsync("ANO", "Kod: ");
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        await phone.SendAsync("1");
        await phone.ExpectAsync("ve stredu", @"^St 2\.12\. uz neni volny cas\..*\n.*vyberte den.*\n1 Po 30\.11\.\n2 Ut 1\.12\.\n3 Ct 3\.12\.\n4 Pa 4\.12\.\n");
    }

    [Fact]
    public async Task MisunderstoodTwiceInARow_GetsAShortHintWithTheListAndPomoc()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.ExpectAsync("blabla", @"^Poslete cislo 1 az 3\.\nPoslete cislo agendy:\n1 Obcanske prukazy");
        await phone.ExpectAsync("blabla", @"^Nerozumim\. POMOC = napoveda, ZNOVU = od zacatku\.\nPoslete cislo agendy:\n1 Obcanske prukazy\n2 Cestovni pasy\n3 Evidence obyvatel$");
        await phone.ExpectAsync("pas", "cinnosti"); // understood again
        await phone.ExpectAsync("blabla", @"^Poslete cislo 1 az 2\.\n"); // the count starts over
    }

    [Fact]
    public async Task MisunderstoodTwiceInARow_AtTheNameStep_AddsPomocToTheHint()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.SendAsync("1");
        await phone.ExpectAsync("123", @"^Napiste jmeno a prijmeni latinkou \(2-100 pismen, mezery, pomlcky, tecky\)\.$");
        await phone.ExpectAsync("123", @"^Napiste jmeno a prijmeni latinkou .*\nPOMOC = napoveda, ZNOVU = od zacatku\.$");
    }

    /// <summary>Issue 15, "Done when": a guided booking in Czech (greeting, agenda, activity, day, time, name, ANO)
    /// costs at most 8 reply segments.</summary>
    [Fact]
    public async Task GuidedBookingInCzech_CostsAtMostEightSegments()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var replies = new List<string>();
        foreach (var text in new[] { "Dobry den", "1", "1", "1", "1", "Jana Novakova", "ANO" })
        {
            replies.Add((await phone.SendAsync(text))!);
        }
        Assert.Matches(@"PIN: \d{6}$", replies[^1]);
        var segments = replies.Select(r => SmsEncoding.Measure(r).Segments).ToList();
        Assert.True(segments.Sum() <= 8, $"{segments.Sum()} segments: {string.Join(" + ", segments)}");
    }
}
