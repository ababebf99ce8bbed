using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Wires Twilio's options and webhook authentication into the host.</summary>
public static class TwilioRegistration
{
    public static WebApplicationBuilder AddTwilio(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<TwilioOptions>().BindConfiguration(TwilioOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<TwilioOptions>, TwilioOptionsValidator>();
        builder.Services.AddSingleton<ITwilioWebhookWire, TwilioLibraryWire>();
        builder.Services.AddSingleton<WebhookAuthenticator>();
        return builder;
    }
}

internal sealed class TwilioOptionsValidator : IValidateOptions<TwilioOptions>
{
    /// <summary>The token shipped in appsettings.json: a gateway that still carries it was never configured.</summary>
    public const string ShippedPlaceholder = "change-me-to-the-account-auth-token";

    /// <summary>Twilio's auth tokens are 32 hexadecimal characters; anything under 16 is no secret.</summary>
    public const int MinimumSecretLength = 16;

    private readonly IHostEnvironment _environment;

    public TwilioOptionsValidator(IHostEnvironment environment) => _environment = environment;

    public ValidateOptionsResult Validate(string? name, TwilioOptions o)
    {
        const string S = TwilioOptions.SectionName;
        var errors = new List<string>();
        if (o.ValidateSignatures && string.IsNullOrWhiteSpace(o.AuthToken))
        {
            errors.Add($"{S}:AuthToken: is required while {S}:ValidateSignatures is true");
        }
        // Unsigned webhooks let anyone post as any phone (read its PINs with MOJE, cancel with STORNO): only a
        // developer's machine may run that way.
        if (!o.ValidateSignatures && !_environment.IsDevelopment())
        {
            errors.Add($"{S}:ValidateSignatures: false is allowed only in the Development environment; behind a TLS proxy set " +
                $"{S}:PublicBaseUrl or Gateway:KnownProxies instead");
        }
        if (!_environment.IsDevelopment() && !string.IsNullOrWhiteSpace(o.AuthToken)
            && (o.AuthToken.Trim() == ShippedPlaceholder || o.AuthToken.Trim().Length < MinimumSecretLength))
        {
            errors.Add($"{S}:AuthToken: the shipped placeholder or a value shorter than {MinimumSecretLength} characters; set the account's auth token");
        }
        // Outbound SMS are posted to the account's URL: a gateway with the shipped SID (or none) cannot send one.
        if (!_environment.IsDevelopment() && !IsAccountSid(o.AccountSid))
        {
            errors.Add($"{S}:AccountSid: empty, the shipped placeholder or not an Account SID (AC and 32 hexadecimal characters); set the account's SID");
        }
        if (!IsHttpUrl(o.ApiBaseUrl))
        {
            errors.Add($"{S}:ApiBaseUrl: '{o.ApiBaseUrl}' is not an absolute http(s) URL");
        }
        if (!string.IsNullOrWhiteSpace(o.PublicBaseUrl) && !IsHttpUrl(o.PublicBaseUrl))
        {
            errors.Add($"{S}:PublicBaseUrl: '{o.PublicBaseUrl}' is not an absolute http(s) URL like https://sms.example.cz");
        }
        if (string.IsNullOrWhiteSpace(o.From) && string.IsNullOrWhiteSpace(o.MessagingServiceSid))
        {
            errors.Add($"{S}:From: a sender is required (or {S}:MessagingServiceSid)");
        }
        if (o.MaxMessagesPerSecond <= 0)
        {
            errors.Add($"{S}:MaxMessagesPerSecond: {o.MaxMessagesPerSecond} must be more than 0");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static bool IsAccountSid(string? sid) =>
        sid is { Length: 34 } && sid.StartsWith("AC", StringComparison.Ordinal) && sid[2..].All(char.IsAsciiHexDigit) && sid[2..].Any(c => c != '0');

    private static bool IsHttpUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
