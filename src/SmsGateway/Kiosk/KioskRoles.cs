namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>The role names of <c>Kiosk:Keys:N:Role</c>.</summary>
public static class KioskRoles
{
    private static readonly Dictionary<string, KioskRole> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["kiosk"] = KioskRole.Kiosk,
        ["counter"] = KioskRole.Counter,
        ["board"] = KioskRole.Board,
        ["staff"] = KioskRole.Staff,
    };

    /// <summary>For an error message: <c>kiosk, counter, board, staff</c>.</summary>
    public static string Names => string.Join(", ", ByName.Keys);

    /// <summary>Reads one role name, without regard to case or surrounding spaces.</summary>
    public static bool TryParse(string? name, out KioskRole role) => ByName.TryGetValue(name?.Trim() ?? "", out role);

    /// <summary>The lower-case names of the roles in <paramref name="roles"/>, for a 403's message.</summary>
    public static string Describe(KioskRole roles) =>
        string.Join("+", ByName.Where(r => roles.HasFlag(r.Value)).Select(r => r.Key));
}
