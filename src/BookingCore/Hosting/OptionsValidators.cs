using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.BookingCore.Hosting;

internal sealed class OfficeOptionsValidator : IValidateOptions<OfficeOptions>
{
    public ValidateOptionsResult Validate(string? name, OfficeOptions options)
    {
        OfficeSettings.Create(options, out var errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class BookingOptionsValidator : IValidateOptions<BookingOptions>
{
    public ValidateOptionsResult Validate(string? name, BookingOptions o)
    {
        const string S = BookingOptions.SectionName;
        var errors = new List<string>();
        if (o.HoldDuration <= TimeSpan.Zero || o.HoldDuration > TimeSpan.FromDays(1))
        {
            errors.Add($"{S}:HoldDuration: {o.HoldDuration} must be more than zero and at most a day");
        }
        if (o.CheckInBefore < TimeSpan.Zero || o.CheckInBefore > TimeSpan.FromHours(12))
        {
            errors.Add($"{S}:CheckInBefore: {o.CheckInBefore} must be between 00:00:00 and 12:00:00");
        }
        if (o.CheckInAfter < TimeSpan.Zero || o.CheckInAfter > TimeSpan.FromHours(12))
        {
            errors.Add($"{S}:CheckInAfter: {o.CheckInAfter} must be between 00:00:00 and 12:00:00");
        }
        if (o.MaxUpcomingPerAgenda < 1)
        {
            errors.Add($"{S}:MaxUpcomingPerAgenda: {o.MaxUpcomingPerAgenda} must be at least 1");
        }
        if (o.CancelReleaseDelay < TimeSpan.Zero)
        {
            errors.Add($"{S}:CancelReleaseDelay: {o.CancelReleaseDelay} must not be negative");
        }
        if (o.FreeDaysCacheTime < TimeSpan.Zero || o.FreeDaysCacheTime > TimeSpan.FromMinutes(1))
        {
            errors.Add($"{S}:FreeDaysCacheTime: {o.FreeDaysCacheTime} must be between 00:00:00 and 00:01:00");
        }
        if (o.RetentionDays is < 0 or > 3650)
        {
            errors.Add($"{S}:RetentionDays: {o.RetentionDays} must be between 0 and 3650");
        }
        if (!Enum.IsDefined(o.PartyMode))
        {
            errors.Add($"{S}:PartyMode: '{o.PartyMode}' must be Consecutive or Parallel");
        }
        if (o.MaxPartySize is < 1 or > 10)
        {
            errors.Add($"{S}:MaxPartySize: {o.MaxPartySize} must be between 1 (no parties) and 10");
        }
        if (o.MaxPlacesPerPhone != 0 && (o.MaxPlacesPerPhone < o.MaxPartySize || o.MaxPlacesPerPhone > 1000))
        {
            errors.Add($"{S}:MaxPlacesPerPhone: {o.MaxPlacesPerPhone} must be 0 (no cap) or between {S}:MaxPartySize ({o.MaxPartySize}), " +
                "so that the largest party can book, and 1000");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
