using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Hosting;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using StackExchange.Redis;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One inbound SMS, start to end: opt-out words, the phone's unit of work (<see cref="PhoneConversation"/>: one
/// message of a phone at a time, across replicas; its rate and Twilio's repeated deliveries checked as it opens), the
/// conversation, and the saved snapshot.</summary>
public sealed class InboundSmsHandler
{
    private readonly IPhoneStore _phones;
    private readonly PhoneConversations _conversations;
    private readonly ConversationEngine _engine;
    private readonly ConversationOptions _options;
    private readonly AbuseOptions _abuse;
    private readonly ILogger<InboundSmsHandler> _log;
    private readonly IClock _clock;
    private readonly TextCatalog _texts;
    private readonly Steps.ConversationSteps _steps;
    private readonly Reading.MessageReader _reader;
    private readonly DateTimeZone _zone;

    public InboundSmsHandler(IPhoneStore phones, PhoneConversations conversations, ConversationEngine engine, IOptions<ConversationOptions> options,
        IOptions<AbuseOptions> abuse, ILogger<InboundSmsHandler> log, IClock clock, TextCatalog texts, Steps.ConversationSteps steps,
        Reading.MessageReader reader, BookingCore.Options.OfficeSettings office)
    {
        _steps = steps;
        _reader = reader;
        _zone = office.Zone;
        _texts = texts;
        _clock = clock;
        _phones = phones;
        _conversations = conversations;
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
        var message = new InboundMessage(messageSid, _clock.GetCurrentInstant(), Duration.FromTimeSpan(_options.ReplayMemory));
        if (keyword == Keyword.OptOut)
        {
            if (!await _phones.RememberMessageAsync(phone, message))
            {
                _log.LogInformation("Repeated delivery {MessageSid} from {Phone} ignored", messageSid, PhoneMask.Mask(phone));
                return null; // a captured STOP replayed after START does not opt the number out again
            }
            _conversations.Forget(phone);
            await _phones.SetOptedOutAsync(phone, true);
            _log.LogInformation("Opt-out recorded for {Phone}", PhoneMask.Mask(phone));
            return null;
        }

        // The phone's messages on this gateway one after the other, in the order they came; the phone's last message
        // was answered here and its lease kept warm: the step begins with no round trip.
        using var turn = await _conversations.TurnAsync(phone, cancellationToken);
        var allowed = _abuse.IsAllowed(phone);
        if (allowed && _conversations.TakeWarm(phone, message, _abuse.RateWindow, _abuse.MaxMessagesPerWindow) is { } warm)
        {
            var (answered, warmReply) = await WarmStepAsync(warm, keyword, normalized, body, message);
            if (answered)
            {
                return warmReply;
            }
        }

        // One round trip counts the message against the phone's rate, remembers its id at first sight (so that no
        // path, answered or refused, can be replayed), reads the opt-out and, for a message within the rate from an
        // allowed country, opens the phone's unit of work.
        var opening = await _conversations.OpenForMessageAsync(phone, message, _abuse.RateWindow, allowed ? _abuse.MaxMessagesPerWindow : 0);
        if (opening.MessageSeen)
        {
            // Twilio's retry of a message, or a captured webhook replayed (within Conversation:ReplayMemory).
            _log.LogInformation("Repeated delivery {MessageSid} from {Phone} ignored", messageSid, PhoneMask.Mask(phone));
            return null;
        }
        if (opening.Count > _abuse.MaxMessagesPerWindow || !allowed)
        {
            return Refuse(phone, opening.Count, opening.OptedOut);
        }
        await using var conversation = opening.Conversation ?? await _conversations.WaitAsync(phone, cancellationToken, _abuse.RateWindow, turn.Waited);
        if (conversation is null)
        {
            _log.LogWarning("Lease for {Phone} still held after {Wait}; asking to retry", PhoneMask.Mask(phone), _options.LeaseWait);
            return Fit(_texts.For(BookingCore.Options.Language.Cs).TryAgainLater());
        }
        return await StepAsync(conversation, keyword, normalized, body, message.Now);
    }

    /// <summary>A step begun warm: answered, unless the phone was taken meanwhile (another message, the office, an
    /// opt-out; the step did nothing that cannot be taken back, and gave back what it held): then it is to be opened as
    /// usual and answered afresh. A message seen before is answered with nothing, as when opened.</summary>
    private async Task<(bool Answered, string? Reply)> WarmStepAsync(PhoneConversation warm, Keyword keyword, string normalized, string body, InboundMessage message)
    {
        await using (warm)
        {
            try
            {
                var reply = await StepAsync(warm, keyword, normalized, body, message.Now);
                _conversations.Ended(lost: false);
                return (true, reply);
            }
            catch (PhoneMovedOnException e) when (e.Seen)
            {
                _log.LogInformation("Repeated delivery {MessageSid} from {Phone} ignored", message.Sid, PhoneMask.Mask(warm.Phone));
                return (true, null);
            }
            catch (PhoneMovedOnException)
            {
                _log.LogDebug("The warm lease of {Phone} was taken meanwhile; the message is answered afresh", PhoneMask.Mask(warm.Phone));
                GatewayMetrics.WarmStepsLost.Add(1);
                _conversations.Ended(lost: true);
            }
            catch (Exception e)
            {
                // A fault (or the request given up) before the close: the message is remembered and counted now, as the
                // open would have, so that Twilio's retry of it is not answered as new; a replay says nothing. A claim
                // or resume of this step that ran but whose reply was lost remembered it: no replay, the fault is told.
                if (await LetGoAfterFaultAsync(warm) is PhoneLetGo.Remembered or null || e is OperationCanceledException)
                {
                    throw;
                }
                _log.LogInformation("Repeated delivery {MessageSid} from {Phone} (or opted out since) ignored", message.Sid, PhoneMask.Mask(warm.Phone));
                return (true, null);
            }
        }
        return (false, null);
    }

    /// <summary>Lets go of a warm step that failed; null when the store cannot be reached either (the step's own fault
    /// is what is told).</summary>
    private static async Task<PhoneLetGo?> LetGoAfterFaultAsync(PhoneConversation warm)
    {
        try
        {
            return await warm.LetGoAsync();
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            return null;
        }
    }

    /// <summary>The step on the phone's open conversation: an opted-out phone hears nothing but an opt-in word; a new
    /// conversation may be refused while the line is busy; the engine answers; the step is saved (with the opt-in) and
    /// only then told.</summary>
    private async Task<string?> StepAsync(PhoneConversation conversation, Keyword keyword, string normalized, string body, Instant now)
    {
        var phone = conversation.Phone;
        var snapshot = conversation.Snapshot;
        var text = body;
        if (conversation.OptedOut)
        {
            if (!Keywords.OptInWords.Contains(normalized))
            {
                return null;
            }
            // Any opt-in word (YES too) opens the menu from the beginning; it confirms nothing from before STOP. The
            // opt-out is lifted with the step's save.
            text = "START";
        }
        if (_abuse.MaxMessagesPerMinuteTotal > 0 && _steps[snapshot.State].AtRest && !conversation.OptedOut
            && !AboutOwnBookings(keyword, body, snapshot.State, now)
            && !await AdmittedAsync(conversation, now))
        {
            _log.LogWarning("Inbound limit of {Limit} a minute passed: no new conversation for {Phone}", _abuse.MaxMessagesPerMinuteTotal, PhoneMask.Mask(phone));
            GatewayMetrics.BusyRefusals.Add(1);
            return Fit(_texts.For(snapshot.Language).Busy());
        }
        var before = snapshot.State;
        string reply;
        try
        {
            reply = await _engine.HandleAsync(conversation, text);
        }
        catch (ReplicasBehindException e)
        {
            // The step is on the master only: a failover now could take it back, so the citizen is not told it.
            // The snapshot is not saved (the lease is released as it was, now), so the same message again repeats the
            // step, which finds what was written and waits for the replicas once more.
            GatewayMetrics.ReplicaAcksMissed.Add(1, new KeyValuePair<string, object?>("step", e.Step));
            if (await conversation.LetGoAsync() != PhoneLetGo.Remembered)
            {
                // A step begun warm remembers its message as it lets go: a replay of it (or a phone opted out since)
                // hears nothing, as when opened.
                _log.LogInformation("Repeated delivery from {Phone} (or opted out since) ignored", PhoneMask.Mask(phone));
                return null;
            }
            _log.LogWarning("Redis replicas acknowledged {Acknowledged} of {Required} within {Timeout} ms for a {Step} of {Phone}; asked to send it again",
                e.Acknowledged, e.Required, (int)e.Timeout.TotalMilliseconds, e.Step, PhoneMask.Mask(phone));
            return Fit(_texts.For(snapshot.Language).NotSavedTryAgain());
        }
        if (!await conversation.SaveAsync(optedOut: conversation.OptedOut ? false : null, keepWarm: true))
        {
            _log.LogError("Lease for {Phone} was lost before saving; the step was not saved", PhoneMask.Mask(phone));
            return Fit(_texts.For(snapshot.Language).NotSavedTryAgain()); // nothing kept: the same message repeats the step
        }
        if (conversation.OptedOut)
        {
            _log.LogInformation("Opt-in recorded for {Phone}", PhoneMask.Mask(phone));
        }
        _log.LogInformation("SMS from {Phone}: {Before} -> {After}", PhoneMask.Mask(phone), before, snapshot.State);
        var fitted = Fit(reply);
        GatewayMetrics.Steps.Add(1, new KeyValuePair<string, object?>("state", snapshot.State.ToString()));
        GatewayMetrics.Replies.Add(1, new KeyValuePair<string, object?>("segments", SmsEncoding.Measure(fitted).Segments));
        return fitted;
    }

    /// <summary>The message asks for the phone's own bookings or to cancel one, which a busy line still answers: as the
    /// reader reads it (in a sentence, with the office's words: <c>nemuzu prijit, zruste mi to</c>), not only as a
    /// whole-message keyword of the shipped lexicon.</summary>
    private bool AboutOwnBookings(Keyword keyword, string body, ConversationState state, Instant now) =>
        keyword is Keyword.MyBookings or Keyword.Cancel
        || _reader.Read(body, new Reading.ReadingContext(state, now.InZone(_zone).Date)).Keyword is Keyword.MyBookings or Keyword.Cancel;

    /// <summary>Beyond the rate: one notice when the limit is first passed, then silence until the window ends.
    /// Outside the allowed countries: a hint. Neither to an opted-out number (read with the count).</summary>
    private string? Refuse(string phone, long count, bool optedOut)
    {
        if (count > _abuse.MaxMessagesPerWindow)
        {
            _log.LogWarning("Rate limit: message {Count} from {Phone} in the window", count, PhoneMask.Mask(phone));
            return count == _abuse.MaxMessagesPerWindow + 1 && !optedOut
                ? Fit(_texts.For(BookingCore.Options.Language.Cs).TooManyMessages())
                : null;
        }
        _log.LogInformation("Number {Phone} outside the allowed countries", PhoneMask.Mask(phone));
        return optedOut ? null : Fit(_texts.For(BookingCore.Options.Language.Cs).CountryNotServed() + "\n" + _texts.For(BookingCore.Options.Language.En).CountryNotServed());
    }

    /// <summary>A new conversation admitted in the minute under <c>Abuse:MaxMessagesPerMinuteTotal</c>. A step begun
    /// warm takes its lease first: a refusal is decided on the conversation as stored (an office's offer may have moved
    /// it on meanwhile, and a conversation under way is never refused), and a step answered afresh is not admitted twice.</summary>
    private async Task<bool> AdmittedAsync(PhoneConversation conversation, Instant now)
    {
        await conversation.ExclusiveAsync();
        return await _phones.TryAdmitConversationAsync(now, _abuse.MaxMessagesPerMinuteTotal);
    }

    /// <summary>Plain GSM-7 unless diacritics are configured on.</summary>
    public string Fit(string text) => _options.UseDiacritics ? text : SmsEncoding.ToGsmFriendly(text);
}
