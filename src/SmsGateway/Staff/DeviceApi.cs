using Microsoft.AspNetCore.Http.Features;
using NodaTime;
using NodaTime.Text;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The office's devices in the staff API (<c>X-Api-Key</c> of the <c>staff</c> role): the kiosks' lockouts and
/// the paired screens; unlock a kiosk, revoke a screen. The same as the console's <c>/staff/devices</c>.</summary>
public static class DeviceApi
{
    public sealed record KioskAnswer(string Id, string Device, string Setting, string? LockedUntil);
    public sealed record ScreenAnswer(string Id, string Role, string? Device, string? Counter, string PairedAt, string? PairedFrom, string LastSeen,
        bool KeyConfigured);
    public sealed record UnlockAnswer(string Device, bool WasLocked, string? WasLockedUntil);

    public static IEndpointRouteBuilder MapStaffDeviceApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/staff").AddEndpointFilter(StoreUnavailable.Filter).AddEndpointFilter(KioskApi.RequireKeyInRole).DisableAntiforgery()
            .WithMetadata(new KioskRoleRequirement(KioskRole.Staff));
        api.MapGet("/devices", DevicesAsync);
        api.MapPost("/kiosks/{id}/unlock", UnlockAsync);
        api.MapDelete("/screens/{id}", RevokeAsync);
        return app;
    }

    private static string Who(HttpContext http) => "key:" + http.Features.GetRequiredFeature<KioskDevice>().Label;

    private static string? Iso(Instant? at) => at is { } a ? InstantPattern.General.Format(a) : null;

    private static async Task<IResult> DevicesAsync(DeviceActions devices)
    {
        var kiosks = await devices.KiosksAsync();
        var screens = await devices.ScreensAsync();
        return TypedResults.Ok(new
        {
            kiosks = kiosks.Select(k => new KioskAnswer(k.Id, k.Device.Label, k.Device.Setting, Iso(k.LockedUntil))),
            screens = screens.Select(s => new ScreenAnswer(s.Pairing.Id, KioskRoles.Describe(s.Pairing.Role), s.Device?.Label, s.Pairing.Counter,
                Iso(s.Pairing.PairedAt)!, s.Pairing.PairedFrom, Iso(s.Pairing.LastSeen)!, s.Device is not null)),
        });
    }

    private static async Task<IResult> UnlockAsync(string id, HttpContext http, DeviceActions devices) =>
        await devices.UnlockKioskAsync(id, Who(http)) is { } unlocked
            ? TypedResults.Ok(new UnlockAnswer(unlocked.Device.Label, unlocked.WasLockedUntil is not null, Iso(unlocked.WasLockedUntil)))
            : TypedResults.NotFound(new StaffApi.ErrorAnswer("not_found", "no kiosk key has this id; GET /api/staff/devices lists them"));

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, DeviceActions devices) =>
        await devices.RevokeScreenAsync(id, Who(http))
            ? TypedResults.NoContent()
            : TypedResults.NotFound(new StaffApi.ErrorAnswer("not_found", "no paired screen has this id; GET /api/staff/devices lists them"));
}
