using System.Text.Json;
using System.Text.Json.Serialization;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One phone's conversation as saved in the store between messages; the Stateless machine is rebuilt
/// around it for every message.</summary>
public sealed class ConversationSnapshot
{
    public ConversationState State { get; set; } = ConversationState.Idle;
    public Language Language { get; set; } = Language.Cs;
    public string? AgendaId { get; set; }
    public string? ActivityId { get; set; }
    /// <summary>ISO date chosen at the day step.</summary>
    public string? Date { get; set; }
    /// <summary>Page of the day or time list (DALSI).</summary>
    public int Page { get; set; }
    /// <summary>What the numbers of the last list mean (ISO dates, HH:mm times or booking codes).</summary>
    public List<string> Options { get; set; } = new();
    public string? HoldId { get; set; }
    public string? HoldTime { get; set; }
    public long HoldExpiresMs { get; set; }
    public string? Name { get; set; }
    /// <summary>The hold came from a one-message booking (<c>OBJ ...</c>): ANO confirms, NE declines.</summary>
    public bool Quick { get; set; }

    /// <summary>Forgets the booking under way (keeps the language).</summary>
    public void ClearBooking()
    {
        AgendaId = null;
        ActivityId = null;
        Date = null;
        Page = 0;
        Options.Clear();
        ClearHold();
        Name = null;
        Quick = false;
    }

    public void ClearHold()
    {
        HoldId = null;
        HoldTime = null;
        HoldExpiresMs = 0;
    }

    public string ToJson() => JsonSerializer.Serialize(this, SnapshotJson.Default.ConversationSnapshot);

    public static ConversationSnapshot FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new ConversationSnapshot();
        }
        try
        {
            return JsonSerializer.Deserialize(json, SnapshotJson.Default.ConversationSnapshot) ?? new ConversationSnapshot();
        }
        catch (JsonException)
        {
            // A snapshot from an incompatible version starts over rather than failing every message of that phone.
            return new ConversationSnapshot();
        }
    }
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true)]
[JsonSerializable(typeof(ConversationSnapshot))]
internal sealed partial class SnapshotJson : JsonSerializerContext;
