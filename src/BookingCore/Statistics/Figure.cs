using System.Globalization;

namespace SmsBooking.BookingCore.Statistics;

/// <summary>One counter of a day: a <see cref="Measure"/> for an agenda and activity (empty for the office as a whole)
/// with a detail (a channel, an hour, a minute of wait); stored as the hash field <c>measure|agenda|activity|detail</c>.</summary>
public sealed record Figure(Measure Measure, string Agenda = "", string Activity = "", string Detail = "")
{
    /// <summary>Waits longer than this are counted in this minute's bucket.</summary>
    public const int MaxWaitMinutes = 240;

    /// <summary>The hash field the figure is stored under.</summary>
    public string Field => $"{Measure}|{Agenda}|{Activity}|{Detail}";

    /// <summary>The figure a stored field names, or null for a field this version does not know.</summary>
    public static Figure? Parse(string field)
    {
        var parts = field.Split('|');
        return parts.Length == 4 && Enum.TryParse<Measure>(parts[0], out var measure) && Enum.IsDefined(measure)
            ? new Figure(measure, parts[1], parts[2], parts[3])
            : null;
    }

    /// <summary>The detail as a number (an hour, a minute), or -1.</summary>
    public int DetailNumber => int.TryParse(Detail, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;
}
