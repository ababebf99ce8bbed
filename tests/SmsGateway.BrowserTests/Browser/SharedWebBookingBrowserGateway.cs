using SmsBooking.SmsGateway.Tests.Mail;
using SmsBooking.SmsGateway.Tests.WebBooking;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>One gateway with the web booking on for the web booking's browser tests: a <see cref="SharedMailGateway"/>
/// (store, clock, free days and SMTP server emptied before each test) with the web booking's settings. Chromium's
/// posts all come from 127.0.0.1, and the gateway counts a source's posts per minute in memory for a real minute, so
/// the class's limit is raised from 10 to 1000: the limit is <c>WebBookingGuardTests</c>' rule, not these tests'.</summary>
public sealed class SharedWebBookingBrowserGateway() : SharedMailGateway(WebBookingHost.Settings(new Dictionary<string, string?>
{
    ["WebBooking:PostsPerMinute"] = "1000",
}));
