using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Checks <c>Staff:*</c> at start-up; each problem is one line naming its key. A password hash must be one
/// (<c>SmsGateway --hash-password</c> makes it), never a password; the directory needs an https issuer outside
/// Development and a client id.</summary>
internal sealed class StaffOptionsValidator(IHostEnvironment environment) : IValidateOptions<StaffOptions>
{
    public ValidateOptionsResult Validate(string? name, StaffOptions o)
    {
        const string S = StaffOptions.SectionName;
        var errors = new List<string>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < o.Users.Count; i++)
        {
            var u = o.Users[i];
            var key = $"{S}:Users:{i}";
            if (string.IsNullOrWhiteSpace(u.Name) || u.Name.Trim().Length > 40 || u.Name.Any(char.IsControl))
            {
                errors.Add($"{key}:Name: 1 to 40 characters on one line");
            }
            else if (!names.Add(u.Name.Trim()))
            {
                errors.Add($"{key}:Name: '{u.Name}' is used twice");
            }
            if (!StaffPasswords.IsHash(u.PasswordHash))
            {
                // Never echo the value: it may be a password pasted by mistake.
                errors.Add($"{key}:PasswordHash: not a password hash; make one with `SmsGateway --hash-password` (the value is not shown)");
            }
            if (!string.IsNullOrWhiteSpace(u.Role) && !string.Equals(u.Role.Trim(), StaffRoles.Staff, StringComparison.OrdinalIgnoreCase))
            {
                errors.Add($"{key}:Role: '{u.Role}' is not a console role (staff)");
            }
        }
        var oidc = o.OpenIdConnect;
        if (oidc.Enabled)
        {
            if (!Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http")
                || (authority.Scheme == "http" && !environment.IsDevelopment()))
            {
                errors.Add($"{S}:OpenIdConnect:Authority: '{oidc.Authority}' is not an https URL of the directory's issuer");
            }
            if (string.IsNullOrWhiteSpace(oidc.ClientId))
            {
                errors.Add($"{S}:OpenIdConnect:ClientId: required with an Authority");
            }
            if (string.IsNullOrWhiteSpace(oidc.NameClaim))
            {
                errors.Add($"{S}:OpenIdConnect:NameClaim: required (e.g. preferred_username)");
            }
        }
        if (o.SessionLifetime < TimeSpan.FromMinutes(5) || o.SessionLifetime > TimeSpan.FromDays(1))
        {
            errors.Add($"{S}:SessionLifetime: {o.SessionLifetime} must be between 00:05:00 and 1.00:00:00");
        }
        // Shorter than SessionLifetime is allowed (it then decides alone), so an office's longer sliding lifetime does
        // not stop start-up after an upgrade.
        if (o.SessionAbsoluteLifetime < TimeSpan.FromMinutes(5) || o.SessionAbsoluteLifetime > TimeSpan.FromDays(7))
        {
            errors.Add($"{S}:SessionAbsoluteLifetime: {o.SessionAbsoluteLifetime} must be between 00:05:00 and 7.00:00:00");
        }
        if (o.SignInChecksPerMinute is < 10 or > 120)
        {
            // At most what one gateway's paced checks can run (StaffSignIn.CheckSpacing): more would only queue.
            errors.Add($"{S}:SignInChecksPerMinute: {o.SignInChecksPerMinute} must be between 10 and 120");
        }
        if (o.AuditRetention < TimeSpan.FromDays(1) || o.AuditRetention > TimeSpan.FromDays(3650))
        {
            errors.Add($"{S}:AuditRetention: {o.AuditRetention} must be between 1.00:00:00 and 3650.00:00:00");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
