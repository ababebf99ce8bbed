namespace SmsBooking.SmsGateway.Waitlist;

/// <summary>The <c>Waitlist</c> section: <c>HLIDAT</c> / <c>WATCH</c> (docs/conversation.md, "Watching for an earlier
/// slot").</summary>
public sealed class WaitlistOptions
{
    public const string SectionName = "Waitlist";

    /// <summary>False: <c>HLIDAT</c> is answered as not offered, and no slot is offered to a watcher.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long a watch lasts, and how far ahead a watch without a booking or a range looks.</summary>
    public int WatchDays { get; set; } = 14;

    /// <summary>At most this many offers a day to one phone, whatever it watches.</summary>
    public int MaxOffersPerDay { get; set; } = 3;

    /// <summary>How often each gateway looks for slots that freed for a watcher.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);
}
