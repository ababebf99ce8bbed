using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>Wires the office's screens: the kiosk, the calling board, the counters (Razor Pages in
/// <c>Pages/Screens/</c>, found by <see cref="Web.WebPages"/>) and what they need besides.</summary>
public static class ScreenRegistration
{
    public static WebApplicationBuilder AddScreens(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ScreenDevices>();
        builder.Services.AddSingleton<AgendaNames>();
        builder.Services.AddSingleton<CheckInHours>();
        // Czech, Ukrainian and Vietnamese written as they are, not as &#x...; escapes (markup is still encoded).
        builder.Services.AddWebEncoders(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        return builder;
    }

    public static WebApplication MapScreens(this WebApplication app) => app;
}
