using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>Checks <c>Kiosk:*</c> at start-up. Outside the <c>Development</c> environment a key must be a real secret:
/// not the shipped placeholder (<c>change-me...</c>) and at least <see cref="MinimumKeyLength"/> characters.</summary>
internal sealed class KioskOptionsValidator(IHostEnvironment environment, IOptions<BookingCore.Options.OfficeOptions> office) : IValidateOptions<KioskOptions>
{
    public const int MinimumKeyLength = 16;

    /// <summary>How every placeholder in the shipped <c>appsettings.json</c> begins.</summary>
    public const string PlaceholderPrefix = "change-me";

    public ValidateOptionsResult Validate(string? name, KioskOptions o)
    {
        const string S = KioskOptions.SectionName;
        var errors = new List<string>();
        var firstSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var production = !environment.IsDevelopment();

        // The key itself never appears in a message: it is a secret, even a wrong one.
        void CheckKey(string setting, string? key)
        {
            if (string.IsNullOrWhiteSpace(key))
            {
                errors.Add($"{setting}: empty; every key needs a value");
                return;
            }
            if (key.Trim().Length != key.Length)
            {
                errors.Add($"{setting}: starts or ends with a space, which an HTTP header cannot carry");
            }
            if (firstSeen.TryGetValue(key, out var first))
            {
                errors.Add($"{setting}: the same key as {first}; give every device a key of its own");
            }
            else
            {
                firstSeen[key] = setting;
            }
            if (production && key.StartsWith(PlaceholderPrefix, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{setting}: still the shipped placeholder; outside Development every key must be a random secret of at least {MinimumKeyLength} characters");
            }
            else if (production && key.Length < MinimumKeyLength)
            {
                errors.Add($"{setting}: shorter than {MinimumKeyLength} characters; outside Development every key must be a random secret of at least {MinimumKeyLength} characters");
            }
        }

        for (int i = 0; i < o.Keys.Count; i++)
        {
            var k = o.Keys[i];
            CheckKey($"{S}:Keys:{i}:Key", k.Key);
            if (string.IsNullOrWhiteSpace(k.Role))
            {
                errors.Add($"{S}:Keys:{i}:Role: missing; one of {KioskRoles.Names}");
            }
            else if (!KioskRoles.TryParse(k.Role, out var role))
            {
                errors.Add($"{S}:Keys:{i}:Role: '{k.Role}' is not one of {KioskRoles.Names}");
            }
            else
            {
                if (role == KioskRole.Counter && !string.IsNullOrWhiteSpace(k.Name) && !CounterName.IsValid(k.Name.Trim()))
                {
                    errors.Add($"{S}:Keys:{i}:Name: '{k.Name}' is not a counter name ({CounterName.Rule})");
                }
                CheckAgendas($"{S}:Keys:{i}:Agendas", role, k.Agendas);
            }
        }
        // A counter's agendas: ids or SMS codes of configured agendas, and on a counter key alone.
        void CheckAgendas(string setting, KioskRole role, List<string> agendas)
        {
            if (agendas.Count == 0)
            {
                return;
            }
            if (role != KioskRole.Counter)
            {
                errors.Add($"{setting}: only a counter key calls agendas; this key's role is {KioskRoles.Describe(role)}");
                return;
            }
            var known = office.Value.Agendas.SelectMany(a => a.Codes.Append(a.Id)).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var unknown in agendas.Where(a => !known.Contains((a ?? "").Trim())))
            {
                errors.Add($"{setting}: '{unknown}' is no agenda of Office:Agendas (one of {string.Join(", ", office.Value.Agendas.Select(a => a.Id))})");
            }
        }

        for (int i = 0; i < o.ApiKeys.Count; i++)
        {
            CheckKey($"{S}:ApiKeys:{i}", o.ApiKeys[i]);
        }
        if (o.Keys.Count + o.ApiKeys.Count == 0)
        {
            errors.Add($"{S}:Keys: at least one key is required ({S}:Keys:0:Key and {S}:Keys:0:Role)");
        }
        if (o.MaxFailedPinsPerHour < o.MaxFailedPins)
        {
            errors.Add($"{S}:MaxFailedPinsPerHour: {o.MaxFailedPinsPerHour} must be at least {S}:MaxFailedPins ({o.MaxFailedPins})");
        }
        if (o.MaxFailedPins < 1)
        {
            errors.Add($"{S}:MaxFailedPins: {o.MaxFailedPins} must be at least 1");
        }
        if (o.FailureWindow <= TimeSpan.Zero)
        {
            errors.Add($"{S}:FailureWindow: {o.FailureWindow} must be more than zero");
        }
        if (o.LockoutDuration <= TimeSpan.Zero)
        {
            errors.Add($"{S}:LockoutDuration: {o.LockoutDuration} must be more than zero");
        }
        if (o.MaxCalls is < 1 or > 9)
        {
            errors.Add($"{S}:MaxCalls: {o.MaxCalls} must be between 1 and 9");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
