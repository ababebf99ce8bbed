namespace SmsBooking.BookingCore.Queue;

/// <summary>What became of a counter's request to pause.</summary>
public enum PauseOutcome
{
    Paused,
    /// <summary>It was on a pause already: nothing changed.</summary>
    AlreadyPaused,
    /// <summary>It serves a ticket: that client is finished first (done, no-show or transfer), then the pause.</summary>
    Serving,
}
