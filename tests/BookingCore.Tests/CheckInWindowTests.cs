using NodaTime;
using SmsBooking.BookingCore.CheckIn;
using static SmsBooking.TestSupport.TestOffice;

namespace SmsBooking.BookingCore.Tests;

public class CheckInWindowTests
{
    private static readonly Duration Quarter = Duration.FromMinutes(15);

    [Theory]
    [InlineData(7, 44, 59, false)] // one second early
    [InlineData(7, 45, 0, true)]   // opening edge is inclusive
    [InlineData(8, 0, 0, true)]
    [InlineData(8, 15, 0, true)]   // closing edge is inclusive
    [InlineData(8, 15, 1, false)]  // one second late: the seed's "zmeškaný třeba jen o jednu vteřinu"
    public void Contains_EdgesOfAn0800Booking(int h, int m, int s, bool valid)
    {
        var window = CheckInWindow.For(Prague(2026, 12, 1, 8, 0), Quarter, Quarter);
        Assert.Equal(valid, window.Contains(Prague(2026, 12, 1, h, m, s)));
    }

    [Theory]
    // 2026-10-25: a 03:00 booking (CET) right after the clocks went back; 30 real minutes around it.
    [InlineData(1, 44, 59, false)]
    [InlineData(1, 45, 0, true)]
    [InlineData(2, 15, 0, true)]
    [InlineData(2, 15, 1, false)]
    public void Contains_OnTheFallBackDay_CountsRealMinutes(int utcH, int utcM, int utcS, bool valid)
    {
        var start = new LocalDateTime(2026, 10, 25, 3, 0).InZoneStrictly(DateTimeZoneProviders.Tzdb["Europe/Prague"]).ToInstant();
        Assert.Equal(Instant.FromUtc(2026, 10, 25, 2, 0), start);
        var window = CheckInWindow.For(start, Quarter, Quarter);
        Assert.Equal(valid, window.Contains(Instant.FromUtc(2026, 10, 25, utcH, utcM, utcS)));
    }
}
