using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Kiosk;

namespace SmsBooking.SmsGateway.Tests.Kiosk;

/// <summary>Which device a presented key belongs to, without a host: the keyring hashes and compares every key.</summary>
public class KioskKeyringTests
{
    private static KioskKeyring Ring() => new(Options.Create(new KioskOptions
    {
        Keys =
        [
            new() { Key = "kiosk-entrance-0123456789", Role = "kiosk", Name = "entrance" },
            new() { Key = "counter-terminals-0123456789", Role = " COUNTER " },
            new() { Key = "board-waiting-room-0123456789", Role = "board" },
            new() { Key = "staff-console-0123456789", Role = "staff" },
        ],
        ApiKeys = ["legacy-shared-key-0123456789"],
    }));

    [Theory]
    [InlineData("kiosk-entrance-0123456789", KioskRole.Kiosk, "Kiosk:Keys:0")]
    [InlineData("counter-terminals-0123456789", KioskRole.Counter, "Kiosk:Keys:1")]
    [InlineData("board-waiting-room-0123456789", KioskRole.Board, "Kiosk:Keys:2")]
    [InlineData("staff-console-0123456789", KioskRole.Staff, "Kiosk:Keys:3")]
    [InlineData("legacy-shared-key-0123456789", KioskRole.Kiosk | KioskRole.Counter | KioskRole.Board, "Kiosk:ApiKeys:0")] // never staff
    public void KeyRoles_EachKeyFindsItsOwnDevice(string key, KioskRole roles, string setting)
    {
        var device = Ring().Find(key);
        Assert.NotNull(device);
        Assert.Equal(roles, device.Roles);
        Assert.Equal(setting, device.Setting);
        Assert.Equal(QueueService.KeyHash(key), device.KeyHash); // the PIN guard of the key, as before roles
    }

    [Theory]
    [InlineData("")]
    [InlineData("kiosk-entrance-012345678")] // a prefix
    [InlineData("kiosk-entrance-01234567890")] // one more character
    [InlineData("KIOSK-ENTRANCE-0123456789")] // keys are case-sensitive
    [InlineData("kiosk-entrance-0123456789,counter-terminals-0123456789")] // two header values joined
    public void KeyRoles_AnythingButAWholeKey_FindsNoDevice(string presented) => Assert.Null(Ring().Find(presented));

    [Fact]
    public void KeyRoles_TheNameOfAKeyLabelsItsDevice()
    {
        Assert.Equal("entrance", Ring().Find("kiosk-entrance-0123456789")!.Label);
        Assert.Equal("Kiosk:Keys:1", Ring().Find("counter-terminals-0123456789")!.Label);
    }
}
