namespace SmsBooking.BookingCore.Queue;

/// <summary>What a counter's "call again" did.</summary>
/// <param name="Call">The new call (its <see cref="Call.Number"/> counts the calls so far); for
/// <see cref="RecallOutcome.MaxCalls"/> the ticket as it stands, not called again.</param>
public sealed record RecallResult(RecallOutcome Outcome, Call? Call = null);

public enum RecallOutcome
{
    Recalled,
    /// <summary>The counter serves no ticket: nothing to call again.</summary>
    NothingCalled,
    /// <summary>The ticket has had all its calls; the clerk marks it a no-show, which drops it out.</summary>
    MaxCalls,
}
