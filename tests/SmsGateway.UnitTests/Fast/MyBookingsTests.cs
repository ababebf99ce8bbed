using System.Text.RegularExpressions;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: MOJE names what each booking is for (as the summary does), not the agenda's code, while the list
/// fits two segments. The fake clock starts on Monday 2026-11-30 07:00 Prague.</summary>
public class MyBookingsTests
{
    [Fact]
    public async Task MyBookings_NamesTheAgendaAndActivity_NotTheCode()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("MOJE", $@"^Vase objednavky:\n{code} Po 30\.11\. 08:00 Obcanske prukazy - Podani zadosti PIN: \d{{6}}\nSTORNO kod = zrusit$");
    }

    [Fact]
    public async Task MyBookings_WithTheMostAPhoneMayHold_ListsAllSix_WithinTwoSegments()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        foreach (var (code, when) in new[] { ("ZOP", "1.12. 8:00"), ("POP", "1.12. 9:00"), ("ZCD", "2.12. 8:00"), ("PCD", "2.12. 9:00"), ("PTP", "3.12. 8:00"), ("VEO", "3.12. 9:00") })
        {
            await phone.ExpectAsync($"OBJ {code} {when} Jana Novakova", "ANO");
            await phone.ExpectAsync("ANO", "^Objednano");
        }
        var list = await phone.ExpectAsync("MOJE", "^Vase objednavky:\n");
        Assert.Equal(6, Regex.Matches(list, @"PIN: \d{6}").Count);
        Assert.True(SmsEncoding.Measure(SmsEncoding.ToGsmFriendly(list)).Segments <= 2, list);
    }
}

/// <summary>Issue 26, a new citizen: asking in words what and when they booked is MOJE (each got the menu, or a request
/// for a number).</summary>
public class MyBookingsInWordsTests
{
    [Theory]
    [InlineData("co mam objednano?", "^Vase objednavky:\n")]
    [InlineData("kdy mam termin?", "^Vase objednavky:\n")] // was "send a number from 1 to 3"
    [InlineData("Na kdy jsem objednana?", "^Vase objednavky:\n")]
    [InlineData("kdy mam prijit?", "^Vase objednavky:\n")]
    [InlineData("jaky mam termin", "^Vase objednavky:\n")]
    [InlineData("when is my appointment?", "^(Vase objednavky|Your bookings):\n")]
    [InlineData("what are my bookings?", "^(Vase objednavky|Your bookings):\n")]
    public async Task AskedInWords_AfterABooking_ListsTheBookings(string text, string reply)
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        await phone.BookAsync();
        await phone.SendAsync("ZNOVU"); // somewhere in a new talk
        await phone.ExpectAsync(text, reply);
    }
}
