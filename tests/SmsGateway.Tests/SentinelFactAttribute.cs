using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>A test on the test command's Sentinels (<see cref="TestRedis.SentinelConfiguration"/>). Outside the test
/// command, where nobody started them, it is skipped saying why; under <c>./test.sh</c> it always runs.</summary>
public sealed class SentinelFactAttribute : FactAttribute
{
    public SentinelFactAttribute()
    {
        if (TestRedis.SentinelConfiguration is null)
        {
            Skip = $"needs the Sentinels ./test.sh starts ({TestRedis.SentinelEnvironmentVariable} and {TestRedis.SentinelServiceEnvironmentVariable} are not set)";
        }
    }
}
