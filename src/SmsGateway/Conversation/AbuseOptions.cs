namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Limits against scripts and strangers, under <c>Abuse</c>.</summary>
public sealed class AbuseOptions
{
    public const string SectionName = "Abuse";

    /// <summary>Messages a phone may send per <see cref="RateWindow"/>; beyond it one short notice, then silence.</summary>
    public int MaxMessagesPerWindow { get; set; } = 20;

    public TimeSpan RateWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>New conversations a minute, from all phones together, beyond which a phone with nothing under way
    /// gets a short "busy, try later" (conversations under way, <c>MOJE</c> and <c>STORNO</c> are always served), so
    /// that a flood of numbers cannot hold every slot. Only admitted conversations count: refused messages, and those
    /// over a phone's own rate, from other countries or replayed, cannot keep the line busy. 0: no limit.</summary>
    public int MaxMessagesPerMinuteTotal { get; set; }

    /// <summary>ISO country codes whose numbers may book; others get a hint. Unset means CZ and SK; <c>*</c> allows
    /// every number.</summary>
    /// <remarks>Empty by default because the configuration binder appends to a list's defaults instead of replacing them.</remarks>
    public List<string> AllowedCountries { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultCountries = ["CZ", "SK"];

    private IReadOnlyList<string> EffectiveCountries => AllowedCountries.Count == 0 ? DefaultCountries : AllowedCountries;

    /// <summary>International calling codes of the countries a town hall is likely to name.</summary>
    public static readonly IReadOnlyDictionary<string, string> CallingCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["CZ"] = "+420", ["SK"] = "+421", ["PL"] = "+48", ["DE"] = "+49", ["AT"] = "+43", ["HU"] = "+36",
        ["UA"] = "+380", ["GB"] = "+44", ["FR"] = "+33", ["IT"] = "+39", ["ES"] = "+34", ["NL"] = "+31",
        ["BE"] = "+32", ["CH"] = "+41", ["RO"] = "+40", ["BG"] = "+359", ["HR"] = "+385", ["SI"] = "+386",
        ["VN"] = "+84", ["US"] = "+1", ["CA"] = "+1",
    };

    public bool IsAllowed(string phone) =>
        EffectiveCountries.Contains("*") || EffectiveCountries.Any(c => CallingCodes.TryGetValue(c, out var code) && phone.StartsWith(code, StringComparison.Ordinal));
}
