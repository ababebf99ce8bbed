using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Screens;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Pages.Screens;

/// <summary>The calling board on the waiting room's TV (<c>/board</c>): the tickets being called and their counters,
/// the earlier calls, who waits per agenda, the counters on a break and the office's notice. Rendered once here, then kept current by the live feed
/// (<c>/board/events</c>), or by polling <c>/board/state</c> when the feed cannot be had. <c>?chime=1</c> chimes on a
/// new call.</summary>
public sealed class BoardModel(ScreenDevices devices, BoardViews views, ILogger<BoardModel> log) : ScreenPageModel(devices)
{
    public override KioskRole Role => KioskRole.Board;

    /// <summary>The board is Czech with English and Ukrainian beside it.</summary>
    public ScreenTexts En { get; } = ScreenTexts.For(ScreenLanguage.En);

    public ScreenTexts Uk { get; } = ScreenTexts.For(ScreenLanguage.Uk);

    /// <summary>The board as it stood when the page was rendered; null when the queue could not be read (the feed then
    /// fills it in).</summary>
    public BoardView? View { get; private set; }

    public bool Chime { get; private set; }

    public async Task OnGetAsync(string? chime)
    {
        Chime = chime is "1" or "true";
        try
        {
            View = await views.ReadAsync();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("The board could not be read for its page ({Error}); the feed will fill it in", e.GetType().Name);
        }
    }
}
