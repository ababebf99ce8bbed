using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>The move's one SMS (<c>Presunuto ...</c>) fits one GSM-7 segment in Czech with the office's longest agenda
/// and place and the longest date, and still says the code, the new time and the new PIN.</summary>
public class MovedSizeTests
{
    [Fact]
    public void MovedSms_InCzech_IsOneGsm7Segment_WithTheCodeTheNewTimeAndThePin()
    {
        var office = TestOffice.Trutnov();
        var t = TextCatalog.Default.For(Language.Cs);
        var agenda = office.Agendas.Select(a => a.Name.In(Language.Cs)).MaxBy(a => a.Length)!;
        var booking = new Booking("K7M3QX", "123456", "+420601123456", "Jana Novakova", "EO", "zruseni", new LocalDate(2026, 12, 30),
            new LocalTime(16, 45), Instant.FromUtc(2026, 12, 30, 15, 45), Instant.FromUtc(2026, 12, 1, 10, 0), "h");

        var sms = SmsEncoding.ToGsmFriendly(t.Moved(booking, agenda, office.Place.In(Language.Cs), new LocalTime(16, 30), new LocalTime(17, 0)));

        var size = SmsEncoding.Measure(sms);
        Assert.True(size.IsGsm7 && size.Segments == 1, $"{size.Segments} segments ({size.Units} units): {sms}");
        Assert.StartsWith("Presunuto", sms);
        Assert.Contains("Kod: K7M3QX", sms);
        Assert.Contains("St 30.12.2026 16:45", sms);
        Assert.Contains("PIN: 123456", sms);
        Assert.Contains("16:30-17:00", sms);
    }
}
