using System.Text.RegularExpressions;
using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 26: a move that goes straight to its summary (<c>PRESUN K7M3QX zitra v 10</c>) sends the summary
/// alone: it said "Presun objednavky K7M3QX z Po 30.11. 08:00." and then the same again in the summary, two segments.
/// The fake clock starts on Monday 2026-11-30 07:00 Prague; the booking is Po 30.11. 08:00.</summary>
public class MoveSummaryTests
{
    [Fact]
    public async Task MoveStraightToTheSummary_SaysItOnce_InOneSegment()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        var summary = await phone.ExpectAsync($"PRESUN {code} zitra v 10",
            $@"^Presun {code}: z Po 30\.11\. 08:00 na Ut 1\.12\.2026 10:00, Obcanske prukazy\. Potvrdte ANO do 07:15, jinak plati puvodni termin\. NE = nepresouvat$");
        Assert.Equal(1, SmsEncoding.Measure(summary).Segments);
        await phone.ExpectAsync("ANO", $@"^Presunuto, puvodni termin zrusen\. Kod: {code}\nUt 1\.12\.2026 10:00");
    }

    [Fact]
    public async Task MoveToTheDayList_StillSaysWhichBookingMoves()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var code = await phone.BookCodeAsync();
        await phone.ExpectAsync("PRESUN", $@"^Presun objednavky {code} z Po 30\.11\. 08:00\.\nObcanske prukazy - vyberte den");
        await phone.ExpectAsync("2", "^Volne casy Ut 1\\.12\\.");
        await phone.ExpectAsync("1", $@"^Presun {code}: z Po 30\.11\. 08:00 na Ut 1\.12\.2026 08:00");
    }
}
