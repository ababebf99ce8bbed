using System.Net;
using SmsBooking.SmsGateway.Tests.Mail;
using SmsBooking.SmsGateway.Tests.Staff;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>One gateway with the web booking on for a test class (<c>IClassFixture</c>): a <see cref="SharedMailGateway"/>
/// (store, clock, free days and SMTP server emptied before each test) with the web booking's settings and the staff
/// account (<see cref="StaffUsers"/>). Each test's citizen connects from a loopback address of its own
/// (<see cref="NextSource"/>), so that the posts per minute, counted in the gateway's memory for a real minute, are
/// counted per test and not for the whole class on 127.0.0.1. Open a test with <see cref="WebBookingSession.OnAsync"/>.</summary>
public sealed class SharedWebBookingGateway() : SharedMailGateway(WebBookingHost.Settings(StaffUsers.Users()))
{
    private int _sources;

    /// <summary>A loopback address no earlier test of the class connected from (127.0.2.1, 127.0.2.2, ...).</summary>
    public IPAddress NextSource()
    {
        var n = Interlocked.Increment(ref _sources) - 1;
        return new IPAddress([127, 0, (byte)(2 + n / 250), (byte)(n % 250 + 1)]);
    }
}
