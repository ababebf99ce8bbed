using System.Collections.Concurrent;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Hosting;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>Opens a phone's unit of work (<see cref="PhoneConversation"/>): lease, snapshot, opt-out and whether the
/// phone ever booked in one round trip, and for an inbound message also its rate count and replay check; or, for the
/// phone's next message on the same gateway, warm from what the last close kept (<see cref="TakeWarm"/>), with none.</summary>
public sealed class PhoneConversations
{
    /// <summary>At most this many phones are kept warm by one gateway (a few KB each); beyond, a message opens as usual.</summary>
    internal const int MaxWarmPhones = 50_000;

    /// <summary>The warm leases by phone, until (<see cref="Environment.TickCount64"/> ms, Redis' own clock: the lease
    /// lives there for as long) and the phone's rate window's end; counted as they come and go, for the bound read on
    /// every close.</summary>
    private readonly CountedCache<(PhoneWarm Warm, long Until, long RateEnds)> _warm = new();

    /// <summary>The last message of each phone being answered on this gateway, and when it is: the next waits for it
    /// (<see cref="TurnAsync"/>).</summary>
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _inFlight = new();

    private int _kept;

    private readonly IPhoneStore _phones;
    private readonly IBookingStore _store;
    private readonly NodaTime.IClock _clock;
    private readonly ConversationOptions _options;

    public PhoneConversations(IPhoneStore phones, IBookingStore store, NodaTime.IClock clock, ConversationOptions options)
    {
        _phones = phones;
        _store = store;
        _clock = clock;
        _options = options;
    }

    /// <summary>What opening for an inbound message found.</summary>
    /// <param name="Conversation">The unit of work, or null: the lease is held by another message, the message was
    /// seen before, or it was not to get one (over the rate, or refused).</param>
    public sealed record Opening(PhoneConversation? Conversation, long Count, bool MessageSeen, bool OptedOut);

    /// <summary>Counts the message in the phone's <paramref name="rateWindow"/>, remembers it at first sight and, unless
    /// it is a replay or the count passes <paramref name="maxCount"/> (0: no lease), takes the lease: one round trip.</summary>
    public async Task<Opening> OpenForMessageAsync(string phone, InboundMessage message, TimeSpan rateWindow, long maxCount)
    {
        var opening = await _phones.OpenAsync(new PhoneOpen(phone, _options.LeaseDuration) { RateWindow = rateWindow, MaxCount = maxCount, Message = message });
        return new Opening(Wrap(opening.Lease, Warmth(rateWindow)), opening.Count, opening.MessageSeen, opening.OptedOut);
    }

    /// <summary>Waits until the messages of <paramref name="phone"/> that reached this gateway before are answered (up to
    /// <see cref="ConversationOptions.LeaseWait"/>), and holds the turn until the returned handle is disposed: a phone's
    /// messages are answered here in the order they came, warm or not, as a lease held in Redis orders them across
    /// gateways (a step begun warm holds no lease in Redis that a second message could wait for).</summary>
    /// <remarks>Taken with <see cref="ConversationOptions.KeepWarm"/> off too: the lease in Redis keeps a phone's messages
    /// apart but not in order (those waiting for it try again on a timer, and a third may take it before the second;
    /// <c>WarmLeaseTests.ThreeMessagesOfAPhoneAtOnce_WithKeepWarmOff_…</c> failed 3 runs in 5 without the turn). A turn
    /// costs a dictionary entry and a task a message, no round trip.</remarks>
    public async Task<MessageTurn> TurnAsync(string phone, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var mine = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        TaskCompletionSource? before = null;
        _inFlight.AddOrUpdate(phone, mine, (_, earlier) =>
        {
            before = earlier;
            return mine;
        });
        var turn = new MessageTurn(this, phone, mine);
        if (before is not null)
        {
            try
            {
                await before.Task.WaitAsync(_options.LeaseWait, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Still answering after the lease's wait: this message goes on (and waits in Redis should it open).
            }
            catch (OperationCanceledException)
            {
                // Given up while waiting: the messages after it still wait for the one before it.
                _ = before.Task.ContinueWith(_ => turn.Dispose(), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
                throw;
            }
        }
        turn.Waited = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return turn;
    }

    /// <summary>A message's turn at its phone on this gateway (<see cref="TurnAsync"/>), and how long it waited for it
    /// (what is left of <see cref="ConversationOptions.LeaseWait"/> is all it may wait for the lease in Redis: Twilio
    /// waits 15 s for the answer).</summary>
    public sealed class MessageTurn(PhoneConversations owner, string phone, TaskCompletionSource done) : IDisposable
    {
        public TimeSpan Waited { get; internal set; }

        public void Dispose()
        {
            owner._inFlight.TryRemove(KeyValuePair.Create(phone, done));
            done.TrySetResult();
        }
    }

    /// <summary>The unit of work for <paramref name="message"/> begun warm, with no round trip: when this gateway
    /// answered the phone's last message and keeps its lease warm, and the message stays within the phone's
    /// <paramref name="maxCount"/> as counted then. Null otherwise (the message is to be opened as usual). The warm
    /// lease is taken out of the cache. Called within the message's turn (<see cref="TurnAsync"/>).</summary>
    public PhoneConversation? TakeWarm(string phone, InboundMessage message, TimeSpan rateWindow, long maxCount)
    {
        if (!_warm.TryTake(phone, out var kept))
        {
            return null;
        }
        var now = Environment.TickCount64;
        var counted = now < kept.RateEnds ? kept.Warm.RateCount : 0;
        return now < kept.Until && counted < maxCount
            ? new PhoneConversation(_phones, _store, _clock, kept.Warm.Lease, _options.IdleExpiry, Warmth(rateWindow) with { Message = message })
            : null;
    }

    /// <summary>Counts how a step begun warm ended: when most find their phone taken (several gateways behind a balancer
    /// that does not route a phone to the same one), keeping leases warm only doubles the work, and it pauses.</summary>
    public void Ended(bool lost)
    {
        if (lost)
        {
            Interlocked.Increment(ref _lost);
        }
        if (Interlocked.Increment(ref _ended) % WarmSample != 0)
        {
            return;
        }
        var lostNow = Interlocked.Exchange(ref _lost, 0);
        if (lostNow * 4 > WarmSample) // over a quarter of the last steps begun warm
        {
            Volatile.Write(ref _pausedUntil, Environment.TickCount64 + (long)WarmPause.TotalMilliseconds);
            _warm.Clear();
            GatewayMetrics.WarmPaused.Add(1);
        }
    }

    /// <summary>Steps begun warm between two looks at how many were lost.</summary>
    internal const int WarmSample = 64;

    /// <summary>How long keeping leases warm pauses once most were lost.</summary>
    internal static readonly TimeSpan WarmPause = TimeSpan.FromMinutes(5);

    private int _ended;
    private int _lost;
    private long _pausedUntil;

    /// <summary>Forgets the phone's warm lease here (its opt-out, an office's step): its next message opens as usual.</summary>
    public void Forget(string phone) => _warm.Forget(phone);

    /// <summary>Forgets every warm lease here (the store was emptied under the gateway: a test's reset).</summary>
    public void ForgetAll() => _warm.Clear();

    /// <summary>How a webhook's units of work keep warm: <see cref="ConversationOptions.KeepWarm"/>, into this cache.</summary>
    private PhoneConversation.Warmth Warmth(TimeSpan rateWindow) =>
        new(WarmFor > TimeSpan.Zero ? WarmFor : null, Keep, _options.LeaseDuration, rateWindow);

    /// <summary>How long a lease is kept warm: <see cref="ConversationOptions.KeepWarm"/>, at most the idle expiry (a
    /// warm lease must not outlive the snapshot it stands for).</summary>
    private TimeSpan WarmFor => _options.KeepWarm < _options.IdleExpiry ? _options.KeepWarm : _options.IdleExpiry;

    /// <summary>Keeps a warm lease a close made, for a little less than Redis keeps it (a step begun near its end would
    /// find it gone at its close and begin again).</summary>
    private void Keep(PhoneWarm warm)
    {
        var now = Environment.TickCount64;
        if (now < Volatile.Read(ref _pausedUntil))
        {
            return;
        }
        // Expired entries are swept once in 1,024 closes; the bound is checked on every one.
        if (Interlocked.Increment(ref _kept) % 1024 == 0 || _warm.Count >= MaxWarmPhones)
        {
            _warm.Sweep(kept => kept.Until <= now);
            if (_warm.Count >= MaxWarmPhones)
            {
                return;
            }
        }
        var keep = (long)WarmFor.TotalMilliseconds;
        _warm.Set(warm.Lease.Phone, (warm, now + keep - Math.Min(1000, keep / 2), now + (long)warm.RateLeft.TotalMilliseconds));
    }

    /// <summary>The phone's unit of work if its lease is free now (or only kept warm), else null (the citizen is texting
    /// right now).</summary>
    public async Task<PhoneConversation?> TryOpenAsync(string phone)
    {
        var opened = Wrap((await _phones.OpenAsync(new PhoneOpen(phone, _options.LeaseDuration))).Lease);
        Forget(phone); // a lease this gateway kept warm is the office's now
        return opened;
    }

    /// <summary>Waits for the phone's lease (another message of the phone is being answered) up to
    /// <see cref="ConversationOptions.LeaseWait"/>, trying again after 5 ms, doubling up to 100 ms; null when it stayed
    /// held.</summary>
    public async Task<PhoneConversation?> WaitAsync(string phone, CancellationToken cancellationToken, TimeSpan? rateWindow = null, TimeSpan waitedAlready = default)
    {
        var waited = waitedAlready;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var conversation = Wrap((await _phones.OpenAsync(new PhoneOpen(phone, _options.LeaseDuration))).Lease,
                rateWindow is { } window ? Warmth(window) : null);
            if (conversation is not null || waited >= _options.LeaseWait)
            {
                return conversation;
            }
            await Task.Delay(delay, cancellationToken);
            waited += delay;
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    private PhoneConversation? Wrap(PhoneLease? lease, PhoneConversation.Warmth? warmth = null) =>
        lease is null ? null : new PhoneConversation(_phones, _store, _clock, lease, _options.IdleExpiry, warmth);
}
