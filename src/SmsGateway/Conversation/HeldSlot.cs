using NodaTime;
using SmsBooking.BookingCore.Holds;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>The slot held for the phone, as its conversation remembers it: enough to confirm it without reading the
/// store's hold pointer.</summary>
/// <remarks>Live while <c>now &lt; Expires</c>, as <see cref="Hold.IsLiveAt"/>. <see cref="Places"/> are a party's
/// (null for one person), as the store's hold has them: the confirmation books exactly what was held.</remarks>
public sealed record HeldSlot(string Id, LocalDate Day, LocalTime Time, Instant Expires, List<LocalTime>? Places = null)
{
    public static HeldSlot Of(Hold hold) => new(hold.Id, hold.Date, hold.Time, hold.ExpiresAt, hold.Places?.ToList());

    /// <summary>How many people the held slot is for.</summary>
    public int Party => Places?.Count ?? 1;

    public bool IsLiveAt(Instant now) => now < Expires;

    /// <summary>The store's hold this stands for.</summary>
    public Hold ToHold(string phone, string agendaId, string activityId) => new(Id, phone, agendaId, activityId, Day, Time, Expires, Places);
}
