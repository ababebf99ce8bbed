using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace SmsBooking.BookingCore.Calendar;

/// <summary>One day's opening hours, <c>[Open, Close)</c>.</summary>
public readonly record struct OpeningHours
{
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("H:mm");

    public OpeningHours(LocalTime open, LocalTime close)
    {
        if (close <= open)
        {
            throw new ArgumentOutOfRangeException(nameof(close), "Closing time must be later than opening time");
        }
        Open = open;
        Close = close;
    }

    public LocalTime Open { get; }
    public LocalTime Close { get; }

    /// <summary>Parses <c>"08:00-17:00"</c> (also <c>8.00 - 17.00</c>).</summary>
    public static bool TryParse(string? text, out OpeningHours hours)
    {
        hours = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            return false;
        }
        var open = HourMinute.Parse(parts[0].Replace('.', ':'));
        var close = HourMinute.Parse(parts[1].Replace('.', ':'));
        if (!open.Success || !close.Success || close.Value <= open.Value)
        {
            return false;
        }
        hours = new OpeningHours(open.Value, close.Value);
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Open:HH:mm}-{Close:HH:mm}");
}
