using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>Checks <c>WebBooking:*</c> at start-up, naming the key.</summary>
internal sealed class WebBookingOptionsValidator : IValidateOptions<WebBookingOptions>
{
    public ValidateOptionsResult Validate(string? name, WebBookingOptions o) =>
        o.PostsPerMinute is < 1 or > 10_000
            ? ValidateOptionsResult.Fail($"{WebBookingOptions.SectionName}:PostsPerMinute: {o.PostsPerMinute} must be between 1 and 10000")
            : ValidateOptionsResult.Success;
}
