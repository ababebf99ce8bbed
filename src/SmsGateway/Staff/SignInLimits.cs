using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The three sign-in budgets, each a rate with a burst (GCRA: <c>Burst</c> checks at once, then one every
/// <c>Interval</c>). Only failed checks keep what they took: a success gives its reservation back.</summary>
/// <remarks>A source's budget is smaller than the console's in both burst and rate, so one address can never spend the
/// console's budget alone: failures from one address never refuse a correct password from another. A distributed spray
/// can; it then meets the console's budget, which bounds the CPU that password hashing takes.</remarks>
public sealed record SignInLimits(int PairBurst, Duration PairInterval, int SourceBurst, Duration SourceInterval, int ConsoleBurst, Duration ConsoleInterval)
{
    /// <summary>Five guesses at one name from one address at once, then one a minute; ten checks from one address at once,
    /// then two a minute; twenty for the whole console at once, then <paramref name="consoleChecksPerMinute"/>.</summary>
    public static SignInLimits For(int consoleChecksPerMinute) => new(
        5, Duration.FromMinutes(1),
        10, Duration.FromSeconds(30),
        20, Duration.FromMilliseconds(Math.Max(1, 60_000 / Math.Max(1, consoleChecksPerMinute))));
}
