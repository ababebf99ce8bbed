using NodaTime;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A part of the day a citizen names instead of a time (<c>rano</c>, <c>dopoledne</c>, <c>odpoledne</c>).</summary>
/// <remarks><see cref="From"/> is inclusive and <see cref="Until"/> exclusive, like a slot; an <see cref="Until"/> of
/// midnight means the end of the day. The bounds are the office's, not the dictionary's: <c>rano</c> at a town hall that
/// opens at 8:00 means its first two hours.</remarks>
public sealed record PartOfDay(string Name, LocalTime From, LocalTime Until)
{
    /// <summary><c>rano</c>, <c>brzy rano</c>, <c>early morning</c>: before 10:00.</summary>
    public static readonly PartOfDay Early = new("Early", LocalTime.Midnight, new LocalTime(10, 0));

    /// <summary><c>dopoledne</c>, <c>pred obedem</c>, <c>morning</c>: before noon.</summary>
    public static readonly PartOfDay Morning = new("Morning", LocalTime.Midnight, LocalTime.Noon);

    /// <summary><c>odpoledne</c>, <c>po obede</c>, <c>afternoon</c>: from noon.</summary>
    public static readonly PartOfDay Afternoon = new("Afternoon", LocalTime.Noon, LocalTime.Midnight);

    /// <summary><c>vecer</c>, <c>pozde odpoledne</c>, <c>evening</c>: from 15:00, the office's last hours.</summary>
    public static readonly PartOfDay Late = new("Late", new LocalTime(15, 0), LocalTime.Midnight);

    /// <summary>The part of this <see cref="Name"/> (as a snapshot keeps it), or null.</summary>
    public static PartOfDay? Named(string name) => name switch
    {
        "Early" => Early,
        "Morning" => Morning,
        "Afternoon" => Afternoon,
        "Late" => Late,
        _ => null,
    };

    /// <summary>True when <paramref name="time"/> falls in this part: <c>[From, Until)</c>.</summary>
    public bool Contains(LocalTime time) => time >= From && (Until == LocalTime.Midnight || time < Until);

    /// <summary>True for the parts after noon, where <c>v 4</c> means 16:00.</summary>
    public bool IsAfternoon => From >= LocalTime.Noon;
}
