using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Queue;

/// <summary>Stops start-up on a broken <c>Queue</c> section, one line naming the key.</summary>
internal sealed class QueueNoticeOptionsValidator : IValidateOptions<QueueNoticeOptions>
{
    public ValidateOptionsResult Validate(string? name, QueueNoticeOptions o) =>
        o.TurnSoonPosition is < 0 or > QueueNoticeOptions.MaxTurnSoonPosition
            ? ValidateOptionsResult.Fail($"{QueueNoticeOptions.SectionName}:TurnSoonPosition: {o.TurnSoonPosition} must be 0 (no SMS) to {QueueNoticeOptions.MaxTurnSoonPosition}")
            : ValidateOptionsResult.Success;
}
