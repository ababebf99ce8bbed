using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A step begun warm whose booking's claim ran in Redis (taking the lease and remembering the message) but
/// whose reply never came (docs/redis.md, "A warm lease"): the let-go after the fault finds the message remembered by the
/// step's own claim, not a replay, so the citizen is asked to try again (was: no answer at all); Twilio's retry of the
/// same MessageSid is still answered with nothing, and nothing is booked twice. The fake clock starts on Monday
/// 2026-11-30 07:00 Prague.</summary>
public class ClaimReplyLostTests
{
    /// <summary>The production booking store; while <see cref="Armed"/>, a confirmation with a warm step's guard runs in
    /// the store and then its reply is lost: the step never learns that the claim took its lease (the guard is left as
    /// before the call), and a <see cref="RedisTimeoutException"/> is thrown.</summary>
    public class ClaimReplyLost : DispatchProxy
    {
        public IBookingStore Inner { get; set; } = null!;

        public bool Armed { get; set; }

        public static ClaimReplyLost Around(IBookingStore inner)
        {
            var proxy = Create<IBookingStore, ClaimReplyLost>();
            var lost = (ClaimReplyLost)(object)proxy;
            lost.Inner = inner;
            return lost;
        }

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            var result = method!.Invoke(Inner, args);
            return Armed && method.Name == nameof(IBookingStore.ConfirmAsync) && args![^1] is PhoneGuard guard
                ? LostAsync((Task<ConfirmResult?>)result!, guard)
                : result;
        }

        private static async Task<ConfirmResult?> LostAsync(Task<ConfirmResult?> confirm, PhoneGuard guard)
        {
            await confirm;
            guard.Taken = false;
            throw new RedisTimeoutException(CommandFlags.None, "Timeout awaiting response (test)", CommandStatus.Sent);
        }
    }

    [Fact]
    public async Task AWarmConfirmationWhoseReplyTimedOut_AsksToTryAgain_AndTwiliosRetryBooksNothingTwice()
    {
        ClaimReplyLost? store = null;
        await using var gateway = ConversationHarness.Start(services: s =>
        {
            var real = s.Last(d => d.ServiceType == typeof(IBookingStore));
            s.AddSingleton(sp => store = ClaimReplyLost.Around((IBookingStore)real.ImplementationFactory!(sp)));
            s.AddSingleton(sp => (IBookingStore)(object)sp.GetRequiredService<ClaimReplyLost>());
        });
        var phone = gateway.Phone();
        await phone.WalkToSummaryAsync(); // its lease kept warm: the ANO begins warm
        store!.Armed = true;
        // Was no answer at all: the let-go took the step's own claim for a replay.
        Assert.Matches("Zkuste to prosim za par minut", await phone.SendAsync("ANO", "SMano"));
        store.Armed = false;

        Assert.Null(await phone.SendAsync("ANO", "SMano")); // Twilio's retry: seen, nothing said
        var confirmed = await phone.ExpectAsync("ANO", @"Kod: \w{6}");
        var booking = Assert.Single(await gateway.Get<BookingService>().UpcomingAsync(phone.Number));
        Assert.Contains($"Kod: {booking.Code}", confirmed);
    }
}
