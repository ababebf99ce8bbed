namespace SmsBooking.BookingCore.Options;

/// <summary>Where the store lives, under <c>Redis</c>.</summary>
public sealed class RedisOptions
{
    public const string SectionName = "Redis";

    /// <summary>StackExchange.Redis configuration string; empty selects the in-process store.</summary>
    public string Configuration { get; set; } = "";

    /// <summary>Prepended to every key, so that several deployments (or test runs) can share one Redis.</summary>
    public string KeyPrefix { get; set; } = "sb:";
}
