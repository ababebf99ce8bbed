using System.Text.Json;
using System.Text.Json.Serialization;
using NodaTime;
using NodaTime.Serialization.SystemTextJson;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Conversation;

/// <summary>One phone's conversation as saved in the store between messages; the Stateless machine is rebuilt around it
/// for every message, and its entry actions set and clear what is here (docs/conversation.md, "The snapshot").</summary>
/// <remarks>Saved as JSON that starts with <c>{"V":2</c>; a snapshot without it was saved by the gateway before
/// version 2 (strings and milliseconds) and is read by <see cref="LegacySnapshot"/>, so that a conversation under way
/// during a rolling update goes on. Anything unreadable starts fresh.</remarks>
public sealed class ConversationSnapshot
{
    public const int CurrentVersion = 2;

    /// <summary>The format's version, written first so that a reader can tell it from the first bytes.</summary>
    [JsonPropertyOrder(-1)]
    public int V { get; set; } = CurrentVersion;

    public ConversationState State { get; set; } = ConversationState.Idle;
    public Language Language { get; set; } = Language.Cs;
    public string? AgendaId { get; set; }
    public string? ActivityId { get; set; }

    /// <summary>The day chosen at the day step.</summary>
    public LocalDate? Day { get; set; }

    /// <summary>Page of the day or time list (DALSI).</summary>
    public int Page { get; set; }

    /// <summary>The first day the day list's pages count from: after the nearest days of a closed or full day, the day
    /// after them, so that DALSI goes on from what was shown; null: today.</summary>
    public LocalDate? DaysFrom { get; set; }

    /// <summary>The days of the list last shown; a number picks from it.</summary>
    public List<LocalDate>? ShownDays { get; set; }

    /// <summary>The times of the list last shown.</summary>
    public List<LocalTime>? ShownTimes { get; set; }

    /// <summary>The booking codes of the cancellation list last shown.</summary>
    public List<string>? ShownCodes { get; set; }

    public HeldSlot? Hold { get; set; }

    /// <summary>The name, given at the name step or earlier (<c>pas zitra v 10, Jan Novak</c>).</summary>
    public string? Name { get; set; }

    /// <summary>Days the citizen asked for before the day step came (one day, or a week): used when it comes.</summary>
    public LocalDate? WantedFrom { get; set; }
    public LocalDate? WantedTo { get; set; }

    /// <summary>A time asked for before the time step came.</summary>
    public LocalTime? WantedTime { get; set; }

    /// <summary>The earliest free time asked for (<c>co nejdriv</c>) before the day step came, or with the one day in
    /// <see cref="WantedFrom"/> (<c>2 co nejdriv</c>): taken when the day step comes.</summary>
    public bool WantedEarliest { get; set; }

    /// <summary>A part of the day asked for (<see cref="Reading.PartOfDay.Name"/>): the time list shows only it.</summary>
    public string? WantedPart { get; set; }

    /// <summary>The day <see cref="WantedPart"/> was said for (<c>zitra odpoledne</c>, or at that day's time list); null
    /// when said before a day was chosen (<c>pas odpoledne</c>): then it is for the day chosen next.</summary>
    public LocalDate? WantedPartDay { get; set; }

    /// <summary>Messages not understood in a row at this step: the second gets a short hint with the list and POMOC.</summary>
    public int Misread { get; set; }

    /// <summary>How many people the booking under way is for (<c>2 osoby</c>); 0 or 1: one.</summary>
    public int Party { get; set; }

    /// <summary>The party's size, at least one.</summary>
    [JsonIgnore]
    public int PartySize => Math.Max(1, Party);

    /// <summary>The booking being moved (<c>PRESUN</c>): the guided steps then choose its new time, and ANO moves it.</summary>
    public MovingBooking? Moving { get; set; }

    /// <summary>The booking codes of the list of bookings to move last shown.</summary>
    public List<string>? ShownMoves { get; set; }

    /// <summary>In <see cref="ConversationState.JustBooked"/>: the hold just confirmed, to answer a repeated ANO.</summary>
    public string? ConfirmedHoldId { get; set; }

    /// <summary>Forgets the booking under way (keeps the language).</summary>
    public void ClearBooking()
    {
        AgendaId = null;
        ActivityId = null;
        Day = null;
        Page = 0;
        DaysFrom = null;
        ClearShown();
        Hold = null;
        Name = null;
        ClearWanted();
        Misread = 0;
        ConfirmedHoldId = null;
        Party = 0;
        Moving = null;
    }

    public void ClearShown()
    {
        ShownDays = null;
        ShownTimes = null;
        ShownCodes = null;
        ShownMoves = null;
    }

    public void ClearWanted()
    {
        WantedFrom = null;
        WantedTo = null;
        WantedTime = null;
        WantedPart = null;
        WantedPartDay = null;
        WantedEarliest = false;
    }

    /// <summary>The day <paramref name="day"/> is chosen: a part of the day said for another day is forgotten (it held
    /// for that day only), one said for no day yet is now this day's (docs/conversation.md, "Several things at once").</summary>
    public void ChoosePartFor(LocalDate day)
    {
        if (WantedPartDay is { } saidFor && saidFor != day)
        {
            WantedPart = null;
        }
        WantedPartDay = WantedPart is null ? null : day;
    }

    public string ToJson() => JsonSerializer.Serialize(this, SnapshotJson.Context.ConversationSnapshot);

    public static ConversationSnapshot FromJson(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return new ConversationSnapshot();
        }
        try
        {
            return json.StartsWith(SnapshotJson.VersionMark, StringComparison.Ordinal)
                ? JsonSerializer.Deserialize(json, SnapshotJson.Context.ConversationSnapshot) ?? new ConversationSnapshot()
                : LegacySnapshot.Read(json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or FormatException or ArgumentException)
        {
            // A snapshot from an incompatible version starts over rather than failing every message of that phone.
            return new ConversationSnapshot();
        }
    }
}

/// <summary>The snapshot's JSON: NodaTime values as ISO text (NodaTime.Serialization.SystemTextJson), enums by name,
/// nothing written for empty values.</summary>
[JsonSerializable(typeof(ConversationSnapshot))]
[JsonSerializable(typeof(LegacySnapshot))]
internal sealed partial class SnapshotJson : JsonSerializerContext
{
    public const string VersionMark = "{\"V\":2";

    public static SnapshotJson Context { get; } = new(new JsonSerializerOptions
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
        Converters =
        {
            new JsonStringEnumConverter<ConversationState>(),
            new JsonStringEnumConverter<Language>(),
            NodaConverters.LocalDateConverter,
            NodaConverters.LocalTimeConverter,
            NodaConverters.InstantConverter,
        },
    });
}
