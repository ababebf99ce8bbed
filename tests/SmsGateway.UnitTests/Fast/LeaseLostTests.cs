using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Store;
using SmsBooking.BookingCore.Store.Redis;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>A step whose lease ran out and was taken by another gateway before it was saved: nothing of it is kept, so
/// the citizen is asked to send the same message again (which repeats the step), not told that the system is down
/// (docs/redis.md, "One phone's unit of work").</summary>
public class LeaseLostTests
{
    /// <summary>The production store; while <see cref="Armed"/>, a close finds the lease run out and taken elsewhere, as
    /// after a step longer than <c>Conversation:LeaseDuration</c>: the lease key goes (its expiry) and another gateway
    /// opens the phone, both in the real store.</summary>
    private sealed class LeaseRunsOut(IPhoneStore store, IConnectionMultiplexer redis, RedisKeys keys) : IPhoneStore
    {
        public bool Armed { get; set; }

        public async Task<PhoneClosed> CloseAsync(PhoneLease lease, PhoneClose close)
        {
            if (Armed)
            {
                await redis.GetDatabase().KeyDeleteAsync(keys.PhoneLease(lease.Phone));
                var other = (await store.OpenAsync(new PhoneOpen(lease.Phone, TimeSpan.FromSeconds(30)))).Lease!;
                var closed = await store.CloseAsync(lease, close);
                await store.ReleaseAsync(other);
                return closed;
            }
            return await store.CloseAsync(lease, close);
        }

        public Task<PhoneOpening> OpenAsync(PhoneOpen open) => store.OpenAsync(open);
        public Task ReleaseAsync(PhoneLease lease) => store.ReleaseAsync(lease);
        public Task<PhoneResumed> ResumeAsync(PhoneLease lease, TimeSpan leaseDuration, InboundMessage message, TimeSpan? rateWindow) =>
            store.ResumeAsync(lease, leaseDuration, message, rateWindow);
        public Task<PhoneLetGo> LetGoAsync(PhoneLease lease, InboundMessage message, TimeSpan? rateWindow) =>
            store.LetGoAsync(lease, message, rateWindow);
        public Task<bool> RememberMessageAsync(string phone, InboundMessage message) => store.RememberMessageAsync(phone, message);
        public Task<PhoneLook> LookAsync(string phone) => store.LookAsync(phone);
        public Task<string?> PeekSnapshotAsync(string phone) => store.PeekSnapshotAsync(phone);
        public Task SetOptedOutAsync(string phone, bool optedOut) => store.SetOptedOutAsync(phone, optedOut);
        public Task<bool> TryAdmitConversationAsync(NodaTime.Instant now, int limit) => store.TryAdmitConversationAsync(now, limit);
        public Task<bool> IsOptedOutAsync(string phone) => store.IsOptedOutAsync(phone);
    }

    [Theory]
    [InlineData("Cs", "pas", @"^Omlouvame se, vasi zpravu se ted nepodarilo bezpecne ulozit\. Poslete ji prosim za minutu znovu, stejne\.$", "cinnosti")]
    [InlineData("En", "passport", @"^Sorry, we could not save your message safely just now\. Please send the same message again in a minute\.$", "send the number")]
    [InlineData("Uk", "паспорт", @"^Вибачте, ваше повідомлення зараз не вдалося надійно зберегти\. Надішліть, будь ласка, те саме повідомлення ще раз за хвилину\.$", "паспорти")]
    public async Task LeaseLostBeforeTheSave_AsksToSendTheSameMessageAgain_AndTheSameMessageThenGoesOn(string language, string text, string reply, string then)
    {
        LeaseRunsOut? store = null;
        await using var gateway = ConversationHarness.Start(services: s => s.AddSingleton<IPhoneStore>(sp => store = new LeaseRunsOut(
            new RedisPhoneStore(sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>()),
            sp.GetRequiredService<IConnectionMultiplexer>(), sp.GetRequiredService<RedisKeys>())));
        var phone = gateway.Phone();
        await phone.SendAsync(language switch { "En" => "EN", "Uk" => "UA", _ => "Dobry den" });
        store!.Armed = true;
        // Was "the system is briefly unavailable, try again in a few minutes": nothing was down, and nothing was kept.
        await phone.ExpectAsync(text, reply);
        store.Armed = false;
        await phone.ExpectAsync(text, then);
    }
}
