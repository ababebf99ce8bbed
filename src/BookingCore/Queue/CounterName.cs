using System.Text.RegularExpressions;

namespace SmsBooking.BookingCore.Queue;

/// <summary>What a counter may be called: 1 to 16 letters, digits, spaces or hyphens, starting with a letter or a
/// digit (<c>3</c>, <c>Přepážka 3-B</c>).</summary>
/// <remarks>The queue keeps calls as <c>ticket|counter|ms</c> in Redis, so a name with <c>|</c> broke the waiting-room
/// board with a 500; a short pattern also keeps markup and control characters off the display.</remarks>
public static partial class CounterName
{
    public const int MaxLength = 16;

    /// <summary>What an operator or a terminal is told when a name does not fit.</summary>
    public const string Rule = "1-16 letters, digits, spaces or hyphens, starting with a letter or a digit, e.g. \"3\"";

    [GeneratedRegex(@"^[\p{L}\p{Nd}][\p{L}\p{Nd} \-]{0,15}$")]
    private static partial Regex Pattern();

    /// <summary>True when <paramref name="name"/> (already trimmed) may name a counter.</summary>
    public static bool IsValid(string? name) => name is not null && Pattern().IsMatch(name);
}
