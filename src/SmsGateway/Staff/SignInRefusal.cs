namespace SmsBooking.SmsGateway.Staff;

/// <summary>Which budget refused a sign-in attempt before its password was checked.</summary>
public enum SignInRefusal
{
    None = 0,

    /// <summary>This name from this source: <see cref="SignInLimits.PairBurst"/> at once, then one per interval.</summary>
    NameFromSource = 1,

    /// <summary>This source, whatever the names it tries.</summary>
    Source = 2,

    /// <summary>The whole console: checks from every source together (a spray from many addresses).</summary>
    Console = 3,
}
