using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Tests.Moving;

/// <summary>The host's real booking store (Redis) with one step of the test's own run once, right after the first call
/// of <see cref="IBookingStore.BeginMoveAsync"/> returns: the racy order of a move's race, driven over the real host,
/// without a sleep. Every other call goes straight to the store.</summary>
public class InterleavedStore : DispatchProxy
{
    private IBookingStore _inner = null!;
    private Func<IBookingStore, Task>? _afterBegin;

    /// <summary>Replaces the host's <see cref="IBookingStore"/> by the same store with <paramref name="afterBegin"/> run
    /// once after a move is begun (recorded, the old booking locked), before the new day confirms it.</summary>
    public static void Install(IServiceCollection services, Func<IBookingStore, Task> afterBegin)
    {
        var original = services.Last(d => d.ServiceType == typeof(IBookingStore));
        services.Remove(original);
        services.AddSingleton(sp =>
        {
            var proxy = Create<IBookingStore, InterleavedStore>();
            var self = (InterleavedStore)(object)proxy;
            self._inner = (IBookingStore)original.ImplementationFactory!(sp);
            self._afterBegin = afterBegin;
            return proxy;
        });
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        var result = targetMethod!.Invoke(_inner, args);
        return targetMethod.Name == nameof(IBookingStore.BeginMoveAsync) ? ThenAsync((Task<MoveStart>)result!) : result;
    }

    private async Task<MoveStart> ThenAsync(Task<MoveStart> begun)
    {
        var started = await begun;
        if (Interlocked.Exchange(ref _afterBegin, null) is { } step)
        {
            await step(_inner);
        }
        return started;
    }
}
