using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>Checks <c>Screens:*</c> at start-up, naming the key.</summary>
internal sealed class ScreenOptionsValidator : IValidateOptions<ScreenOptions>
{
    public ValidateOptionsResult Validate(string? name, ScreenOptions o)
    {
        const string S = ScreenOptions.SectionName;
        var errors = new List<string>();
        if (o.PairingAttempts is < 1 or > 1000)
        {
            errors.Add($"{S}:PairingAttempts: {o.PairingAttempts} must be between 1 and 1000");
        }
        if (o.PairingWindow <= TimeSpan.Zero || o.PairingWindow > TimeSpan.FromDays(1))
        {
            errors.Add($"{S}:PairingWindow: {o.PairingWindow} must be more than zero and at most a day");
        }
        if (o.MaxBoardStreamsPerKey < 1)
        {
            errors.Add($"{S}:MaxBoardStreamsPerKey: {o.MaxBoardStreamsPerKey} must be at least 1");
        }
        if (o.MaxBoardStreams < o.MaxBoardStreamsPerKey)
        {
            errors.Add($"{S}:MaxBoardStreams: {o.MaxBoardStreams} must be at least {S}:MaxBoardStreamsPerKey ({o.MaxBoardStreamsPerKey})");
        }
        if (o.DeviceLifetime < TimeSpan.FromDays(1) || o.DeviceLifetime > TimeSpan.FromDays(400))
        {
            errors.Add($"{S}:DeviceLifetime: {o.DeviceLifetime} must be between 1 and 400 days (a browser keeps a cookie at most 400 days)");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
