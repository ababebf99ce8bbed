namespace SmsBooking.SmsGateway.Screens;

/// <summary>What became of a pairing form's post.</summary>
/// <param name="RetryAfter">For <see cref="PairOutcome.Throttled"/>: how long until the source may try again.</param>
public readonly record struct PairResult(PairOutcome Outcome, TimeSpan RetryAfter);
