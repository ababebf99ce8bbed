using SmsBooking.SmsGateway.Staff;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>The gateway's own stores (the staff's sign-in attempts) are under contract like BookingCore's
/// (<c>BookingCore.Tests.ContractCoverageTests</c>).</summary>
public class ContractCoverageTests
{
    [Fact]
    public void EveryPublicMethodOfAGatewayStoreInterface_IsCalledByAContractSuite()
    {
        var stores = typeof(ISignInAttempts).Assembly;
        Assert.Contains(typeof(ISignInAttempts), ContractCoverage.StoreInterfaces(stores));
        Assert.Contains(typeof(SmsGateway.WebBooking.IWebBookingStore), ContractCoverage.StoreInterfaces(stores));
        var uncalled = ContractCoverage.Uncalled(stores, typeof(ContractCoverageTests).Assembly);
        Assert.True(uncalled.Count == 0, $"called by no contract suite: {string.Join(", ", uncalled)}");
    }

    [Fact]
    public void EveryContractSuite_RunsOnRedisARedisClusterAndTheEmbeddedGarnet()
    {
        var missing = ContractCoverage.MissingBackends(typeof(ContractCoverageTests).Assembly);
        Assert.True(missing.Count == 0, $"suites missing a backend: {string.Join(", ", missing)}");
    }
}
