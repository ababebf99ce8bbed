using SmsBooking.BookingCore.Store;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

/// <summary>Every store method is under contract, and every contract runs on every backend: a store method no contract
/// suite calls, or a suite without a Redis, a Redis Cluster or an embedded Garnet subclass, fails here by name.</summary>
public class ContractCoverageTests
{
    [Fact]
    public void EveryPublicMethodOfAStoreInterface_IsCalledByAContractSuite()
    {
        var stores = typeof(IBookingStore).Assembly;
        Assert.Contains(typeof(IBookingStore), ContractCoverage.StoreInterfaces(stores));
        Assert.Contains(typeof(Statistics.IStatisticsStore), ContractCoverage.StoreInterfaces(stores));
        var uncalled = ContractCoverage.Uncalled(stores, typeof(ContractCoverageTests).Assembly).ToList();
        Assert.True(uncalled.Count == 0, $"called by no contract suite: {string.Join(", ", uncalled)}");
    }

    [Fact]
    public void EveryContractSuite_RunsOnRedisARedisClusterAndTheEmbeddedGarnet()
    {
        var missing = ContractCoverage.MissingBackends(typeof(ContractCoverageTests).Assembly).ToList();
        Assert.True(missing.Count == 0, $"suites missing a backend: {string.Join(", ", missing)}");
    }
}
