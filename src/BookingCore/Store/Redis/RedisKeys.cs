using SmsBooking.BookingCore.Outbound;
using NodaTime;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>Every Redis key of the product, built here and nowhere else.</summary>
/// <remarks>
/// Two families of hash tags, so that what one script touches lives in one cluster slot and load spreads:
/// <list type="bullet">
/// <item><c>{day:2026-12-01}</c>: one office day's holds, bookings, PINs and tickets (capacity checks, PIN uniqueness
/// and the calling queue are atomic per day).</item>
/// <item><c>{phone:+420601123456}</c>: one phone's conversation, lease, hold pointer, booking index and opt-out.</item>
/// </list>
/// No operation is atomic across the two: see <see cref="RedisBookingStore"/> for how a crash between them heals.
/// </remarks>
public sealed class RedisKeys
{
    private readonly string _prefix;

    public RedisKeys(string prefix) => _prefix = prefix;

    private string Day(LocalDate date) => $"{_prefix}{{day:{StoredRecords.DayId(date)}}}";
    private string Phone(string phone) => $"{_prefix}{{phone:{phone}}}";

    /// <summary>ZSET of holds: members <c>OP|08:30|holdId</c> and <c>OP|zadost|h08|holdId</c> (the slot and the
    /// activity's hour), score the expiry in Unix ms.</summary>
    public RedisKey DayHolds(LocalDate date) => Day(date) + ":holds";
    /// <summary>HASH slot key and quota key → members of <see cref="DayHolds"/> under it (live or not yet swept).</summary>
    public RedisKey DayHeld(LocalDate date) => Day(date) + ":held";
    /// <summary>HASH slot key → counters closed at run time (the sum of the day's closures that cover the slot).</summary>
    public RedisKey DayClosed(LocalDate date) => Day(date) + ":closed";
    /// <summary>HASH closure id → closure JSON, the day's closures made at run time.</summary>
    public RedisKey DayClosures(LocalDate date) => Day(date) + ":closures";

    /// <summary>The codes one closure cancelled (a SET), for telling every one of them even after a crash.</summary>
    public RedisKey DayClosureCancelled(LocalDate date, string closureId) => Day(date) + ":closure:" + closureId + ":cancelled";
    /// <summary>HASH slot key and quota key (<c>OP|zadost|h09</c>) → confirmed bookings.</summary>
    public RedisKey DayTaken(LocalDate date) => Day(date) + ":taken";
    /// <summary>HASH code → booking JSON.</summary>
    public RedisKey DayBookings(LocalDate date) => Day(date) + ":bookings";
    /// <summary>HASH code → <see cref="Bookings.BookingStatus"/>.</summary>
    public RedisKey DayStatus(LocalDate date) => Day(date) + ":status";
    /// <summary>HASH PIN → code, for the day's bookings that can still check in.</summary>
    public RedisKey DayPins(LocalDate date) => Day(date) + ":pins";
    /// <summary>HASH hold id → code of the booking it became (makes confirmation idempotent).</summary>
    public RedisKey DayHoldCodes(LocalDate date) => Day(date) + ":holdcodes";
    /// <summary>HASH hold id → 1: tombstones of moves (and holds) given up. On the new day a given-up hold is never
    /// confirmed; on the old day a given-up move never locks the booking.</summary>
    public RedisKey DayAborted(LocalDate date) => Day(date) + ":aborted";

    /// <summary>HASH <c>P</c>/<c>A</c> → last ticket number of the day (priority, walk-in).</summary>
    public RedisKey DayTicketNumbers(LocalDate date) => Day(date) + ":ticketno";
    /// <summary>HASH PIN → priority ticket (the same PIN again gets the same ticket).</summary>
    public RedisKey DayPinTickets(LocalDate date) => Day(date) + ":pintickets";
    /// <summary>HASH ticket → <c>code|agenda|start ms|issued ms</c> (code empty for walk-ins).</summary>
    public RedisKey DayTickets(LocalDate date) => Day(date) + ":tickets";
    /// <summary>LIST of waiting priority tickets, in check-in order.</summary>
    public RedisKey DayPriorityQueue(LocalDate date) => Day(date) + ":queue:p";
    /// <summary>LIST of waiting walk-in tickets, in arrival order.</summary>
    public RedisKey DayWalkInQueue(LocalDate date) => Day(date) + ":queue:a";
    /// <summary>HASH counter → the ticket it is serving, <c>ticket|ms of its last call|call number</c>.</summary>
    public RedisKey DayServing(LocalDate date) => Day(date) + ":serving";
    /// <summary>LIST of recent calls <c>ticket|counter|ms|call number</c>, newest first (the waiting-room board).</summary>
    public RedisKey DayCalls(LocalDate date) => Day(date) + ":calls";
    /// <summary>HASH ticket → how many times it has been called (first call, recalls, calls after a no-show).</summary>
    public RedisKey DayCallCounts(LocalDate date) => Day(date) + ":callcount";
    /// <summary>HASH <c>agenda|n</c> → tickets served to the end, <c>agenda|ms</c> → their service time together.</summary>
    public RedisKey DayServiceTimes(LocalDate date) => Day(date) + ":service";
    /// <summary>STRING counter raised by every change of the day's queue (displays poll it).</summary>
    public RedisKey DayQueueVersion(LocalDate date) => Day(date) + ":qversion";
    /// <summary>HASH counter → Unix ms its pause (<c>přestávka</c>) began; the board shows each paused counter.</summary>
    public RedisKey DayPaused(LocalDate date) => Day(date) + ":paused";
    /// <summary>STRING the office's notice for the day, shown on the board (set from the staff console).</summary>
    public RedisKey DayNotice(LocalDate date) => Day(date) + ":notice";
    /// <summary>HASH ticket → 1 once its "your turn soon" SMS is queued (<see cref="Queue.RedisTurnNoticeStore"/>).</summary>
    public RedisKey DayTurnSoonTold(LocalDate date) => Day(date) + ":turnsoon";

    /// <summary>HASH the PIN guard of one kiosk key (by its hash): wrong PINs and reserved attempts of the window, its
    /// start, locked-until, lockouts in a row, start of the quiet time (see <see cref="Queue.RedisQueueStore"/>).</summary>
    public RedisKey KioskGuard(string keyHash) => $"{_prefix}{{kiosk:{keyHash}}}:guard";

    /// <summary>HASH counter → the agenda ids it calls (<c>OP,CP</c>), set from the staff console over the counter key's
    /// <c>Agendas</c>. One tag for the office's few counters.</summary>
    public RedisKey CounterAgendas() => $"{_prefix}{{counters}}:agendas";

    /// <summary>HASH the paired screens: a device token's id (its SHA-256) → the pairing's JSON (role, key hash, counter,
    /// when and from where). One tag for the few dozen devices of an office: pairing, revoking and listing are one slot.</summary>
    public RedisKey ScreenPairings() => $"{_prefix}{{screens}}:pairings";
    /// <summary>HASH token id → when the screen was last seen (Unix ms), beside <see cref="ScreenPairings"/>.</summary>
    public RedisKey ScreenPairingsSeen() => $"{_prefix}{{screens}}:seen";

    /// <summary>STRING one web reservation's JSON (the web booking's pages), expiring with its retention.</summary>
    public RedisKey WebReservation(string id) => $"{_prefix}{{web:{id}}}:reservation";
    /// <summary>STRING a web link's token → its role and reservation id, expiring with the reservation.</summary>
    public RedisKey WebToken(string token) => $"{_prefix}{{web-token:{token}}}";
    /// <summary>STRING the one hold a source address has on the web pages, expiring with the hold.</summary>
    public RedisKey WebSource(string source) => $"{_prefix}{{web-source:{source}}}";
    /// <summary>STRING the web reservation a booking (its day and code) stands for, so that what the office tells about
    /// a booking (a closure, a reminder) finds its e-mail address, language and links; expiring with the reservation.</summary>
    public RedisKey WebBooking(string day, string code) => $"{_prefix}{{web-booking:{day}:{code}}}";

    /// <summary>STRING hold JSON with a PX TTL equal to the hold's life.</summary>
    public RedisKey PhoneHold(string phone) => Phone(phone) + PhoneSuffix.Hold;
    /// <summary>ZSET member <c>2026-12-01|CODE</c>, score the start in Unix ms.</summary>
    public RedisKey PhoneBookings(string phone) => Phone(phone) + PhoneSuffix.Bookings;
    /// <summary>HASH hold id → <see cref="PendingMove"/> JSON: the phone's moves to another day not yet finished.</summary>
    public RedisKey PhoneMoves(string phone) => Phone(phone) + ":moves";
    /// <summary>HASH index entry <c>2026-12-01|CODE</c> → <c>places|hold id|hold expiry ms</c>: the places each booking
    /// of the phone claims under <c>Booking:MaxPlacesPerPhone</c>, claimed in the script that adds its index entry.</summary>
    public RedisKey PhonePlaces(string phone) => Phone(phone) + ":places";
    public RedisKey PhoneConversation(string phone) => Phone(phone) + PhoneSuffix.Conversation;
    public RedisKey PhoneLease(string phone) => Phone(phone) + PhoneSuffix.Lease;
    public RedisKey PhoneOptOut(string phone) => Phone(phone) + PhoneSuffix.OptOut;

    /// <summary>What every key of one phone begins with (its hash tag). The phone store prefixes a database with it
    /// (<c>WithKeyPrefix</c>) and names the conversation's keys by their <see cref="PhoneSuffix"/>, so that opening
    /// and closing a phone's unit of work build no key strings.</summary>
    public RedisKey PhoneKeyPrefix(string phone) => Phone(phone);

    /// <summary>The suffixes of one phone's conversation keys after <see cref="PhoneKeyPrefix"/>.</summary>
    public static class PhoneSuffix
    {
        public const string Conversation = ":conv";
        public const string Lease = ":lease";
        public const string OptOut = ":optout";
        public const string Rate = ":rate";
        public const string Bookings = ":bookings";
        public const string Messages = ":sids";
        public const string Hold = ":hold";
    }

    /// <summary>Counter of all inbound messages in one minute (minutes since the epoch), for the global limit.</summary>
    public RedisKey InboundMinute(long minute) => $"{_prefix}inbound:{minute}";

    /// <summary>Sorted set of the phone's handled MessageSids, scored by when they were handled.</summary>
    public RedisKey PhoneMessages(string phone) => Phone(phone) + PhoneSuffix.Messages;
    /// <remarks>Each outbox method takes the channel: <c>{outbox:n}</c> for SMS, <c>{mail-outbox:n}</c> for e-mail.</remarks>
    private string Outbox(int shard, OutboxChannel channel = OutboxChannel.Sms) => $"{_prefix}{{{OutboxName(channel)}:{shard}}}";

    private static string OutboxName(OutboxChannel channel) => channel == OutboxChannel.Mail ? "mail-outbox" : "outbox";

    /// <summary>STRING counter the shard's message ids come from.</summary>
    public RedisKey OutboxSequence(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":seq";
    /// <summary>HASH message id → the message as JSON (to, body, kind, dedupe key, created); the body may hold a PIN.</summary>
    public RedisKey OutboxMessages(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":messages";
    /// <summary>LIST of the ids of messages no sender has taken yet, oldest first.</summary>
    public RedisKey OutboxReady(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":ready";
    /// <summary>ZSET message id → when a sender took it or last renewed its hold (server ms).</summary>
    public RedisKey OutboxTaken(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":taken";
    /// <summary>HASH message id → the sender that holds it.</summary>
    public RedisKey OutboxHolders(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":holders";
    /// <summary>HASH message id → how many times it has been handed out.</summary>
    public RedisKey OutboxDeliveries(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":deliveries";
    /// <summary>ZSET message id → created (Unix ms): every message not yet acknowledged, for the backlog and its oldest.</summary>
    public RedisKey OutboxQueued(int shard, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + ":queued";
    /// <summary>STRING marking a dedupe key as queued (expires after a week).</summary>
    public RedisKey OutboxDedupe(int shard, string dedupeKey, OutboxChannel channel = OutboxChannel.Sms) => Outbox(shard, channel) + $":dedupe:{dedupeKey}";
    /// <summary>STREAM of one shard's messages as versions before the outbox on lists kept them; nothing reads it, the
    /// upgrade script moves it (<c>tools/upgrade</c>) and <see cref="LegacyStreams"/> reports it meanwhile.</summary>
    public RedisKey LegacyOutboxStream(int shard) => Outbox(shard) + ":stream";
    /// <summary>HASH stream id → hand-outs, beside <see cref="LegacyOutboxStream"/>.</summary>
    public RedisKey LegacyOutboxAttempts(int shard) => Outbox(shard) + ":attempts";
    /// <summary>HASH token bucket of the send rate shared by every gateway.</summary>
    public RedisKey OutboxRate(OutboxChannel channel = OutboxChannel.Sms) => $"{_prefix}{{{OutboxName(channel)}-rate}}";
    /// <summary>HASH status, error, rank of one outbound message: an SMS by Twilio's sid, an e-mail by its dedupe key
    /// (<c>{mail-status:key}</c>: sent, or failed with the relay's code).</summary>
    public RedisKey MessageStatus(string messageSid, OutboxChannel channel = OutboxChannel.Sms) =>
        channel == OutboxChannel.Mail ? $"{_prefix}{{mail-status:{messageSid}}}:status" : $"{_prefix}{{sid:{messageSid}}}:status";

    /// <summary>STRING written right before a replica-acknowledgement <c>WAIT</c> on the node that owns its slot
    /// (<see cref="ReplicaAcks"/>); <paramref name="n"/> picks a slot of the node on a cluster. Expires in a minute.</summary>
    public RedisKey AckMarker(int n) => $"{_prefix}{{ack:{n}}}:marker";

    /// <summary>ZSET of placed holds, member the hold JSON, score its expiry (then a watcher's lease) in Unix ms.</summary>
    public RedisKey WatchLapses(int shard) => $"{_prefix}{{watch:{shard}}}:lapses";
    /// <summary>ZSET of reminders, member <c>phone|date|code|name</c>, score when due in Unix ms.</summary>
    public RedisKey WatchReminders(int shard) => $"{_prefix}{{watch:{shard}}}:reminders";

    /// <summary>ZSET of phones with a move under way, member the phone, score when the sweeper looks (the hold's expiry
    /// and a margin, then a sweeper's lease) in Unix ms.</summary>
    public RedisKey WatchMoves(int shard) => $"{_prefix}{{watch:{shard}}}:moves";

    /// <summary>LIST of the staff's actions, newest first, each <c>server ms</c>, a space and the entry's JSON; trimmed
    /// by age on every write.</summary>
    public RedisKey StaffAudit() => $"{_prefix}{{audit}}:log";
    /// <summary>STREAM the audit log was before; nothing reads it, the upgrade script moves it (<c>tools/upgrade</c>).</summary>
    public RedisKey LegacyStaffAuditStream() => $"{_prefix}{{audit}}:stream";

    /// <summary>Console sign-in throttles and tallies share one tag: one script reserves an attempt against all three
    /// budgets (name and source, source, the whole console) and counts a refusal for the audit log.</summary>
    private string StaffSignInTag() => $"{_prefix}{{staff-signin}}";
    /// <summary>HASH <c>tat</c>: one console name (by its hash) from one source, a GCRA bucket (theoretical arrival, ms).</summary>
    public RedisKey StaffSignInPair(string nameHash, string source) => StaffSignInTag() + ":pair:" + nameHash + ":" + source;
    /// <summary>HASH <c>tat</c>: one source's sign-in attempts, whatever the name.</summary>
    public RedisKey StaffSignInSource(string source) => StaffSignInTag() + ":source:" + source;
    /// <summary>HASH <c>tat</c>: the whole console's password checks.</summary>
    public RedisKey StaffSignInConsole() => StaffSignInTag() + ":console";
    /// <summary>HASH of one minute's failed and refused sign-ins (<c>w|source</c>, <c>r|source</c>, <c>u|source|user</c> → count).</summary>
    public RedisKey StaffSignInTally(long minuteMs) => StaffSignInTag() + ":tally:" + minuteMs;
    /// <summary>ZSET minute (Unix ms) → when its tally may be written to the audit log, then a writer's lease.</summary>
    public RedisKey StaffSignInTallies() => StaffSignInTag() + ":tallies";

    /// <summary>HASH one console session: who, how they signed in, the fingerprint of their credential, when it began.</summary>
    public RedisKey StaffSession(string id) => $"{_prefix}{{staff-session:{id}}}:record";

    /// <summary>ASP.NET Core Data Protection's key ring (the console's cookies and antiforgery tokens), one for every
    /// gateway, so a sign-in on one replica holds on the next.</summary>
    public RedisKey DataProtectionKeys() => $"{_prefix}{{dataprotection}}:keys";

    /// <summary>STRING counter of messages in the current rate window (expires with it).</summary>
    public RedisKey PhoneRate(string phone) => Phone(phone) + PhoneSuffix.Rate;

    private string WatchActivity(string agendaId, string activityId) => $"{_prefix}{{watch-activity:{agendaId}:{activityId}}}";
    private string WatchPhone(string phone) => $"{_prefix}{{watch-phone:{phone}}}";

    /// <summary>ZSET phone → when it asked (Unix ms): the activity's waitlist, first asked first offered.</summary>
    public RedisKey WatchQueue(string agendaId, string activityId) => WatchActivity(agendaId, activityId) + ":queue";
    /// <summary>HASH phone → watch JSON (<see cref="Waitlist.Watch"/>), beside <see cref="WatchQueue"/>.</summary>
    public RedisKey Watches(string agendaId, string activityId) => WatchActivity(agendaId, activityId) + ":watches";
    /// <summary>STRING: the token of the gateway sweeping the activity's waitlist now (expires with its lease).</summary>
    public RedisKey WatchSweep(string agendaId, string activityId) => WatchActivity(agendaId, activityId) + ":sweep";
    /// <summary>STRING: until when (Unix ms) an offer to the phone is open; no second offer before.</summary>
    public RedisKey WatchClaim(string phone) => WatchPhone(phone) + ":claim";
    /// <summary>STRING: offers made to the phone on the office day (<c>Waitlist:MaxOffersPerDay</c>).</summary>
    public RedisKey WatchOffers(string phone, LocalDate date) => WatchPhone(phone) + ":offers:" + StoredRecords.DayId(date);
}
