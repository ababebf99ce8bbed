using Microsoft.Extensions.Options;

namespace SmsBooking.BookingCore.Statistics;

internal sealed class StatisticsOptionsValidator : IValidateOptions<StatisticsOptions>
{
    public ValidateOptionsResult Validate(string? name, StatisticsOptions options) =>
        options.RetentionDays is >= 1 and <= 3660
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{StatisticsOptions.SectionName}:RetentionDays: {options.RetentionDays} must be between 1 and 3660");
}
