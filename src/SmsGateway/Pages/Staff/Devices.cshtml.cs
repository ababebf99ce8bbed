using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The office's devices: the kiosks with their PIN lockouts (unlock one), and the paired screens (revoke one).</summary>
public sealed class DevicesModel(OfficeSettings office, DeviceActions actions) : StaffPageModel(office)
{
    public IReadOnlyList<DeviceActions.KioskState> Kiosks { get; private set; } = [];

    public IReadOnlyList<DeviceActions.ScreenState> Screens { get; private set; } = [];

    /// <summary>What the last action did, for the status line.</summary>
    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task OnPostUnlockAsync(string? id)
    {
        if (await actions.UnlockKioskAsync(id, Who) is { } unlocked)
        {
            Done = unlocked.WasLockedUntil is null
                ? T($"Kiosek {unlocked.Device.Label} nebyl zamčený; jeho neplatné PINy jsou zapomenuty.", $"Kiosk {unlocked.Device.Label} was not locked; its wrong PINs are forgotten.")
                : T($"Kiosek {unlocked.Device.Label} je odemčený a znovu přijímá PINy.", $"Kiosk {unlocked.Device.Label} is unlocked and takes PINs again.");
        }
        else
        {
            Error = T("Takový kiosek neznáme.", "No such kiosk.");
        }
        await LoadAsync();
    }

    public async Task OnPostRevokeAsync(string? id)
    {
        if (await actions.RevokeScreenAsync(id, Who))
        {
            Done = T("Obrazovka je odpojená; při dalším načtení ukáže formulář pro klíč.", "The screen is unpaired; at its next request it shows the pairing form.");
        }
        else
        {
            Error = T("Takové spárování už neexistuje.", "No such pairing any more.");
        }
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        ViewData["Title"] = T("Zařízení", "Devices");
        Kiosks = await actions.KiosksAsync();
        Screens = await actions.ScreensAsync();
    }

    public string When(Instant at)
    {
        var local = at.InZone(Office.Zone).LocalDateTime;
        return $"{Day(local.Date)} {Hm(local.TimeOfDay)}";
    }

    public string RoleName(KioskRole role) => role switch
    {
        KioskRole.Kiosk => T("kiosek", "kiosk"),
        KioskRole.Counter => T("přepážka", "counter"),
        KioskRole.Board => T("tabule", "board"),
        _ => KioskRoles.Describe(role),
    };
}
