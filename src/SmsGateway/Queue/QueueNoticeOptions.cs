namespace SmsBooking.SmsGateway.Queue;

/// <summary>The SMS of the calling queue, under <c>Queue</c>.</summary>
public sealed class QueueNoticeOptions
{
    public const string SectionName = "Queue";

    /// <summary>The most a ticket's place in the queue may be for its citizen to get one "your turn soon" SMS: 3 tells
    /// the third (and anyone nearer the front not yet told) after a counter's call. 0 sends none.</summary>
    public int TurnSoonPosition { get; set; } = 3;

    /// <summary>The largest <see cref="TurnSoonPosition"/> taken: every call reads that many tickets.</summary>
    public const int MaxTurnSoonPosition = 20;
}
