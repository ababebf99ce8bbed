using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One inbound SMS, start to end: opt-out words, the phone's lease (one message of a phone at a time, across
/// replicas), Twilio's repeated deliveries, the conversation, and the saved snapshot.</summary>
public sealed class InboundSmsHandler
{
    private readonly IPhoneStore _phones;
    private readonly ConversationEngine _engine;
    private readonly ConversationOptions _options;
    private readonly AbuseOptions _abuse;
    private readonly ILogger<InboundSmsHandler> _log;
    private readonly IClock _clock;
    private readonly TextCatalog _texts;

    public InboundSmsHandler(IPhoneStore phones, ConversationEngine engine, IOptions<ConversationOptions> options,
        IOptions<AbuseOptions> abuse, ILogger<InboundSmsHandler> log, IClock clock, TextCatalog texts)
    {
        _texts = texts;
        _clock = clock;
        _phones = phones;
        _engine = engine;
        _options = options.Value;
        _abuse = abuse.Value;
        _log = log;
    }

    /// <summary>The reply to send back in TwiML, already fitted to SMS; null when nothing is to be said.</summary>
    public async Task<string?> HandleAsync(string phone, string messageSid, string body, CancellationToken cancellationToken = default)
    {
        try
        {
            return await HandleCoreAsync(phone, messageSid, body, cancellationToken);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            // Never a 500: Twilio would retry it into a doubled step. The citizen is asked to try again later. Only
            // the exception's type is logged: a store's message can name a key, and keys hold phone numbers.
            _log.LogWarning("Store unavailable ({Error}) for a message from {Phone}", e.GetType().Name, PhoneMask.Mask(phone));
            return Fit(_texts.For(BookingCore.Options.Language.Cs).TryAgainLater());
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A defect of ours must not become a 500 either; the stack trace says where, without the message's data.
            _log.LogError("Unexpected {Error} for a message from {Phone} at {Where}", e.GetType().Name, PhoneMask.Mask(phone), e.StackTrace);
            return Fit(_texts.For(BookingCore.Options.Language.Cs).TryAgainLater());
        }
    }

    private async Task<string?> HandleCoreAsync(string phone, string messageSid, string body, CancellationToken cancellationToken)
    {
        var normalized = InputText.Normalize(body);
        var (keyword, _) = Keywords.Parse(normalized);
        if (keyword == Keyword.OptOut)
        {
            await _phones.SetOptedOutAsync(phone, true);
            _log.LogInformation("Opt-out recorded for {Phone}", PhoneMask.Mask(phone));
            return null;
        }

        // One round trip counts the message against the phone's rate and tries its lease.
        var message = new InboundMessage(messageSid, _clock.GetCurrentInstant(), Duration.FromTimeSpan(_options.ReplayMemory));
        // The count of all phones rides along with the lease script (no extra wait), only when a limit is set.
        var total = _abuse.MaxMessagesPerMinuteTotal > 0 ? CountInboundAsync(message.Now) : null;
        var (lease, count) = await _phones.CountAndTryAcquireAsync(phone, _options.LeaseDuration, _abuse.RateWindow, message);
        if (count > _abuse.MaxMessagesPerWindow || !_abuse.IsAllowed(phone))
        {
            if (lease is not null)
            {
                await _phones.ReleaseAsync(lease);
            }
            return await RefuseAsync(phone, count);
        }
        lease ??= await AcquireAsync(phone, message, cancellationToken);
        if (lease is null)
        {
            _log.LogWarning("Lease for {Phone} still held after {Wait}; asking to retry", PhoneMask.Mask(phone), _options.LeaseWait);
            return Fit(_texts.For(BookingCore.Options.Language.Cs).TryAgainLater());
        }
        var saved = false;
        try
        {
            // Twilio's retry of a message, or a captured webhook replayed (within Conversation:ReplayMemory): the
            // first delivery was answered, this one gets nothing, before anything else is looked at.
            if (lease.MessageSeen)
            {
                _log.LogInformation("Repeated delivery {MessageSid} from {Phone} ignored", messageSid, PhoneMask.Mask(phone));
                return null;
            }
            var text = body;
            if (lease.OptedOut)
            {
                if (!Keywords.OptInWords.Contains(normalized))
                {
                    return null;
                }
                await _phones.SetOptedOutAsync(phone, false);
                _log.LogInformation("Opt-in recorded for {Phone}", PhoneMask.Mask(phone));
                // Any opt-in word (YES too) opens the menu from the beginning; it confirms nothing from before STOP.
                text = "START";
            }
            var snapshot = ConversationSnapshot.FromJson(lease.Snapshot);
            if (total is not null && await total > _abuse.MaxMessagesPerMinuteTotal && snapshot.State is ConversationState.Idle or ConversationState.JustBooked
                && keyword is not (Keyword.MyBookings or Keyword.Cancel))
            {
                _log.LogWarning("Inbound limit of {Limit} a minute passed: no new conversation for {Phone}", _abuse.MaxMessagesPerMinuteTotal, PhoneMask.Mask(phone));
                GatewayMetrics.BusyRefusals.Add(1);
                return lease.OptedOut ? null : Fit(_texts.For(snapshot.Language).Busy());
            }
            var before = snapshot.State;
            var reply = await _engine.HandleAsync(phone, snapshot, text, lease.HasBookings);
            saved = await _phones.SaveAndReleaseAsync(lease, snapshot.ToJson(), _options.IdleExpiry);
            if (!saved)
            {
                _log.LogError("Lease for {Phone} was lost before saving; the step was not saved", PhoneMask.Mask(phone));
                return Fit(_texts.For(snapshot.Language).TryAgainLater());
            }
            _log.LogInformation("SMS from {Phone}: {Before} -> {After}", PhoneMask.Mask(phone), before, snapshot.State);
            var fitted = Fit(reply);
            GatewayMetrics.Steps.Add(1, new KeyValuePair<string, object?>("state", snapshot.State.ToString()));
            GatewayMetrics.Replies.Add(1, new KeyValuePair<string, object?>("segments", SmsEncoding.Measure(fitted).Segments));
            return fitted;
        }
        finally
        {
            if (!saved)
            {
                await _phones.ReleaseAsync(lease);
            }
        }
    }

    /// <summary>Beyond the rate: one notice when the limit is first passed, then silence until the window ends.
    /// Outside the allowed countries: a hint. Neither to an opted-out number.</summary>
    private async Task<string?> RefuseAsync(string phone, long count)
    {
        if (count > _abuse.MaxMessagesPerWindow)
        {
            _log.LogWarning("Rate limit: message {Count} from {Phone} in the window", count, PhoneMask.Mask(phone));
            return count == _abuse.MaxMessagesPerWindow + 1 && !await _phones.IsOptedOutAsync(phone)
                ? Fit(_texts.For(BookingCore.Options.Language.Cs).TooManyMessages())
                : null;
        }
        _log.LogInformation("Number {Phone} outside the allowed countries", PhoneMask.Mask(phone));
        return await _phones.IsOptedOutAsync(phone) ? null : Fit(_texts.For(BookingCore.Options.Language.Cs).CountryNotServed() + "\n" + _texts.For(BookingCore.Options.Language.En).CountryNotServed());
    }

    /// <summary>The count of all phones' messages this minute; 0 when the store fails (the lease beside it fails too,
    /// and that failure is the one answered), so that no fault of this count goes unobserved.</summary>
    private async Task<long> CountInboundAsync(Instant now)
    {
        try
        {
            return await _phones.CountInboundAsync(now);
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return 0;
        }
    }

    private async Task<PhoneLease?> AcquireAsync(string phone, InboundMessage message, CancellationToken cancellationToken)
    {
        var waited = TimeSpan.Zero;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var lease = await _phones.TryAcquireAsync(phone, _options.LeaseDuration, message);
            if (lease is not null || waited >= _options.LeaseWait)
            {
                return lease;
            }
            await Task.Delay(delay, cancellationToken);
            waited += delay;
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
        }
    }

    /// <summary>Plain GSM-7 unless diacritics are configured on.</summary>
    public string Fit(string text) => _options.UseDiacritics ? text : SmsEncoding.ToGsmFriendly(text);
}
