using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>A snapshot as the gateway saved it before version 2 (ISO strings, <c>HH:mm</c> times, milliseconds, a
/// <c>Quick</c> flag): read so that a conversation under way during a rolling update goes on in the new format.</summary>
/// <remarks>An old gateway still running beside new ones reads a version-2 snapshot as garbage and starts that phone
/// afresh (its own rule for an unreadable snapshot): a rolling update can cost a conversation under way one restart
/// when its messages alternate between old and new replicas, never a wrong booking (docs/conversation.md).</remarks>
internal sealed class LegacySnapshot
{
    private static readonly LocalTimePattern HourMinute = LocalTimePattern.CreateWithInvariantCulture("HH:mm");

    public ConversationState State { get; set; }
    public Language Language { get; set; }
    public string? AgendaId { get; set; }
    public string? ActivityId { get; set; }
    public string? Date { get; set; }
    public int Page { get; set; }
    public List<string> Options { get; set; } = new();
    public string? HoldId { get; set; }
    public string? HoldTime { get; set; }
    public long HoldExpiresMs { get; set; }
    public string? Name { get; set; }
    public bool Quick { get; set; }

    public static ConversationSnapshot Read(string json) =>
        (JsonSerializer.Deserialize(json, SnapshotJson.Context.LegacySnapshot) ?? new LegacySnapshot()).ToSnapshot();

    private ConversationSnapshot ToSnapshot()
    {
        var day = Date is null ? (LocalDate?)null : LocalDatePattern.Iso.Parse(Date).GetValueOrThrow();
        var snapshot = new ConversationSnapshot
        {
            State = State,
            Language = Language,
            AgendaId = AgendaId,
            ActivityId = ActivityId,
            Day = day,
            Page = Page,
            Name = Name,
        };
        switch (State)
        {
            case ConversationState.ChoosingDay:
                snapshot.ShownDays = Options.Select(o => LocalDatePattern.Iso.Parse(o).GetValueOrThrow()).ToList();
                break;
            case ConversationState.ChoosingTime:
                snapshot.ShownTimes = Options.Select(o => HourMinute.Parse(o).GetValueOrThrow()).ToList();
                break;
            case ConversationState.ChoosingCancellation:
                snapshot.ShownCodes = Options.ToList();
                break;
        }
        if (HoldId is not null && HoldTime is not null && day is { } held)
        {
            snapshot.Hold = new HeldSlot(HoldId, held, HourMinute.Parse(HoldTime).GetValueOrThrow(), Instant.FromUnixTimeMilliseconds(HoldExpiresMs));
        }
        if (State == ConversationState.Confirming && Quick)
        {
            snapshot.State = ConversationState.QuickConfirming;
        }
        else if (State == ConversationState.Idle && HoldId is not null)
        {
            // Kept while idle only to answer a repeated ANO: today's "just booked".
            snapshot.State = ConversationState.JustBooked;
            snapshot.ConfirmedHoldId = HoldId;
        }
        return snapshot;
    }
}
