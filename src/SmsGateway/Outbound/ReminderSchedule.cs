using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SmsBooking.SmsGateway.Outbound;

/// <summary>When reminders of a booking are due, from <see cref="OutboundOptions.Reminders"/>, and the night's quiet hours.</summary>
/// <remarks>An entry with a day part (<c>-1.16:00</c>) is a local time on a day relative to the visit; one without
/// (<c>02:00:00</c>) is that long before the start.</remarks>
public sealed class ReminderSchedule
{
    private readonly IReadOnlyList<string> _entries;
    private readonly DateTimeZone _zone;
    private readonly LocalTime _quietFrom;
    private readonly LocalTime _quietTo;

    public ReminderSchedule(OutboundOptions options, DateTimeZone zone)
    {
        _entries = options.Reminders.Count == 0 ? OutboundOptions.DefaultReminders : options.Reminders;
        _zone = zone;
        if (!TryParseQuietHours(options.QuietHours, out _quietFrom, out _quietTo))
        {
            throw new ArgumentException($"{OutboundOptions.SectionName}:QuietHours: '{options.QuietHours}' is not a range like 21:00-07:00");
        }
    }

    public static bool TryParseQuietHours(string text, out LocalTime from, out LocalTime to)
    {
        from = to = default;
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        var pattern = LocalTimePattern.CreateWithInvariantCulture("H:mm");
        if (parts.Length != 2 || !pattern.Parse(parts[0]).Success || !pattern.Parse(parts[1]).Success)
        {
            return false;
        }
        from = pattern.Parse(parts[0]).Value;
        to = pattern.Parse(parts[1]).Value;
        return true;
    }

    public static bool IsValidEntry(string entry) => TryParseEntry(entry, out _, out _);

    private static bool TryParseEntry(string entry, out int? dayOffset, out TimeSpan time)
    {
        dayOffset = null;
        time = default;
        var dot = entry.IndexOf('.');
        var colon = entry.IndexOf(':');
        if (dot >= 0 && dot < colon)
        {
            if (!int.TryParse(entry[..dot], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
                || !TimeSpan.TryParse(entry[(dot + 1)..], CultureInfo.InvariantCulture, out time) || time < TimeSpan.Zero || time >= TimeSpan.FromDays(1))
            {
                return false;
            }
            dayOffset = days;
            return true;
        }
        return TimeSpan.TryParse(entry, CultureInfo.InvariantCulture, out time) && time > TimeSpan.Zero;
    }

    /// <summary>The reminders still ahead of <paramref name="now"/> for a visit starting at <paramref name="start"/>.</summary>
    public IEnumerable<(string Name, Instant Due)> For(LocalDate date, Instant start, Instant now)
    {
        foreach (var entry in _entries)
        {
            if (!TryParseEntry(entry, out var dayOffset, out var time))
            {
                continue;
            }
            var due = dayOffset is { } days
                ? date.PlusDays(days).At(LocalTime.FromTicksSinceMidnight(time.Ticks)).InZoneLeniently(_zone).ToInstant()
                : start - Duration.FromTimeSpan(time);
            if (due > now && due < start)
            {
                yield return (entry, due);
            }
        }
    }

    /// <summary>The instant the reminder may go out: <paramref name="due"/> itself, or the end of the quiet hours it falls in.</summary>
    public Instant OutsideQuietHours(Instant due)
    {
        var local = due.InZone(_zone);
        var t = local.TimeOfDay;
        var quiet = _quietFrom <= _quietTo ? t >= _quietFrom && t < _quietTo : t >= _quietFrom || t < _quietTo;
        if (!quiet)
        {
            return due;
        }
        var endDate = _quietFrom > _quietTo && t >= _quietFrom ? local.Date.PlusDays(1) : local.Date;
        return endDate.At(_quietTo).InZoneLeniently(_zone).ToInstant();
    }
}
