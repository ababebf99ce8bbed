namespace SmsBooking.TestSupport;

/// <summary>Kiosk keys of the three device roles for a gateway under test, in place of the shipped
/// <c>appsettings.json</c>'s three placeholders (same indexes), which a gateway outside Development refuses, and a
/// fourth of the staff role.</summary>
/// <remarks>Real-looking (16 characters and more), so tests and the benchmark run the gateway as production does.</remarks>
public static class TestKioskKeys
{
    public const string Kiosk = "test-kiosk-entrance-0123456789";
    public const string Counter = "test-counter-terminals-0123456789";
    public const string Board = "test-waiting-room-board-0123456789";
    /// <summary>A key of the <c>staff</c> role, named <c>Petra</c> (the audit log says <c>key:Petra</c>).</summary>
    public const string Staff = "test-staff-console-0123456789";

    public static IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Kiosk:Keys:0:Key"] = Kiosk,
        ["Kiosk:Keys:0:Role"] = "kiosk",
        ["Kiosk:Keys:1:Key"] = Counter,
        ["Kiosk:Keys:1:Role"] = "counter",
        ["Kiosk:Keys:2:Key"] = Board,
        ["Kiosk:Keys:2:Role"] = "board",
        ["Kiosk:Keys:3:Key"] = Staff,
        ["Kiosk:Keys:3:Role"] = "staff",
        ["Kiosk:Keys:3:Name"] = "Petra",
    };
}
