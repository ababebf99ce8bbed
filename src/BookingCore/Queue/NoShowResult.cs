namespace SmsBooking.BookingCore.Queue;

/// <summary>What a counter's "did not come" did with its ticket.</summary>
/// <param name="Calls">How many times the ticket has been called.</param>
public sealed record NoShowResult(NoShowOutcome Outcome, Ticket? Ticket = null, int Calls = 0);

public enum NoShowOutcome
{
    /// <summary>Called fewer than the maximum times: back in its queue behind the next waiting ticket of its kind, to
    /// be called again soon.</summary>
    Requeued,
    /// <summary>Called the maximum times: out of the queue; a booking's status is <c>NoShow</c>.</summary>
    DroppedOut,
    NothingCalled,
}
