using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using SmsBooking.SmsGateway.Tests.Fast;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>Starts the run's embedded Garnet and one conversation harness on a pool thread as soon as the test host
/// loads this assembly (xunit's discovery evaluates the theories' data), so that their start (about 2 CPU-seconds,
/// mostly compiling Garnet, StackExchange.Redis and the gateway's services) overlaps the discovery on the other core
/// instead of holding up the first tests.</summary>
/// <remarks>Nothing waits for it: a test that gets there first starts them itself (<see cref="Lazy{T}"/> and the
/// harness pool), and a failure is the first test's to report, not this thread's.</remarks>
internal static class WarmStart
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly: the test host loads it once, and this only starts work on a pool thread.")]
    internal static void Begin() => ThreadPool.UnsafeQueueUserWorkItem(static _ => _ = WarmAsync(), null);

    private static async Task WarmAsync()
    {
        try
        {
            // A harness with the default settings, handed to the pool on dispose (its keys deleted) for the first test
            // that starts one; a message through it compiles the conversation's path.
            await using var harness = ConversationHarness.Start();
            await harness.Phone("+420600000001").SendAsync("Dobry den");
        }
        catch (Exception)
        {
            // The tests start what failed here again and report it.
        }
    }
}
