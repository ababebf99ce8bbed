using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("SmsBooking.SmsGateway.Tests.HarnessLastOrderer", "SmsGateway.UnitTests")]

namespace SmsBooking.SmsGateway.Tests;

/// <summary>Runs the classes that need no conversation harness (the reader, texts, TwiML: everything outside
/// <c>Fast/</c>) first and the harness's classes after them, each group by name.</summary>
/// <remarks>xunit runs two classes at a time here (one a core). The first harness of the run waits for the embedded
/// Garnet and compiles the gateway's services (<see cref="WarmStart"/> starts both when the assembly loads); classes
/// that need neither keep both cores busy meanwhile, where a harness class first in line would hold its thread
/// waiting.</remarks>
public sealed class HarnessLastOrderer : ITestCollectionOrderer
{
    private const string HarnessNamespace = "SmsBooking.SmsGateway.Tests.Fast.";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections
            .OrderBy(c => c.DisplayName.Contains(HarnessNamespace, StringComparison.Ordinal))
            .ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
