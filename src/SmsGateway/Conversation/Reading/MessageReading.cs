using NodaTime;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What a citizen said in one message: several things at once (<c>pas zitra v 10, Jan Novak</c> is the
/// passport agenda, tomorrow, 10:00 and a name), or nothing understood. The rules are docs/conversation-reading.md.</summary>
/// <remarks>What the caller does with it (ask what is missing, hold a slot) is the conversation's business, not the
/// reader's: the reader says what was written, including a date in the past or a time the office is closed.</remarks>
public sealed record MessageReading
{
    /// <summary>Nothing understood.</summary>
    public static MessageReading Nothing { get; } = new();

    public MessageForm Form { get; init; } = MessageForm.Talk;

    /// <summary>A word that steers the talk (<c>ZPET</c>, <c>STORNO</c>, <c>STOP</c>, ...). Never
    /// <see cref="Conversation.Keyword.Yes"/> or <see cref="Conversation.Keyword.No"/>: those are <see cref="Answer"/>.</summary>
    public Keyword Keyword { get; init; }

    public Answer Answer { get; init; }

    /// <summary>The number picked from the list last shown (from 1); what it stands for is filled in beside it.</summary>
    public int? Choice { get; init; }

    public Agenda? Agenda { get; init; }

    /// <summary>The activity, when the message names exactly one (then <see cref="Agenda"/> is its agenda).</summary>
    public Activity? Activity { get; init; }

    /// <summary>The day or days named: one day (<c>zitra</c>) or a week (<c>pristi tyden</c>), both ends inclusive.</summary>
    public DateInterval? Days { get; init; }

    /// <summary>The one day named, when <see cref="Days"/> is a single day.</summary>
    public LocalDate? Date => Days is { } days && days.Start == days.End ? days.Start : null;

    public LocalTime? Time { get; init; }

    public PartOfDay? PartOfDay { get; init; }

    /// <summary>The name as typed (diacritics and capitals kept, inner spaces collapsed).</summary>
    public string? Name { get; init; }

    /// <summary>A booking code: <c>STORNO K7M3QX</c>, or picked from the list of bookings to cancel.</summary>
    public string? BookingCode { get; init; }

    /// <summary>How many people the booking is for (<c>2 osoby</c>, <c>for 3</c>, a number closing <c>OBJ ...</c>),
    /// as written: the office's cap is the conversation's to apply.</summary>
    public int? Party { get; init; }

    /// <summary>A code after <c>OBJ</c> or <c>VOLNO</c> that names nothing, as typed (upper case).</summary>
    public string? UnknownCode { get; init; }

    /// <summary><c>HLIDAT STOP</c> / <c>WATCH OFF</c>: end the watches rather than start one.</summary>
    public bool Stop { get; init; }

    /// <summary><c>co nejdriv</c>, <c>kdykoli</c>, <c>asap</c>: the earliest free time will do.</summary>
    public bool Earliest { get; init; }

    /// <summary>A question about the office (<c>kolik to stoji?</c>): answered, and the step asked again.</summary>
    public Question Question { get; init; }

    /// <summary>The activity was named by its code (<c>ZOP</c>), which says outright what it is: no need to say back
    /// what was understood.</summary>
    public bool ActivityByCode { get; init; }

    /// <summary>True when anything at all was understood.</summary>
    public bool Understood =>
        Form != MessageForm.Talk || Keyword != Keyword.None || Answer != Answer.None || Choice is not null
        || Agenda is not null || Activity is not null || Days is not null || Time is not null || PartOfDay is not null
        || Name is not null || BookingCode is not null || Party is not null || Earliest || Question != Question.None;

    /// <summary>For logs and test output: everything but the name, which personal data rules keep out of logs.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Form != MessageForm.Talk) parts.Add(Form.ToString());
        if (Keyword != Keyword.None) parts.Add(Keyword.ToString());
        if (Answer != Answer.None) parts.Add(Answer.ToString());
        if (Choice is { } choice) parts.Add($"#{choice}");
        if (Agenda is not null) parts.Add(Activity is null ? Agenda.Id : $"{Agenda.Id}/{Activity.Id}");
        if (Days is { } days) parts.Add(days.Start == days.End ? $"{days.Start:yyyy-MM-dd}" : $"{days.Start:yyyy-MM-dd}..{days.End:yyyy-MM-dd}");
        if (Time is { } time) parts.Add($"{time:HH:mm}");
        if (PartOfDay is not null) parts.Add(PartOfDay.Name);
        if (Name is not null) parts.Add("name");
        if (BookingCode is not null) parts.Add("code " + BookingCode);
        if (Party is { } party) parts.Add($"party {party}");
        if (UnknownCode is not null) parts.Add("unknown code");
        if (Earliest) parts.Add("earliest");
        if (Question != Question.None) parts.Add("question " + Question);
        return parts.Count == 0 ? "nothing" : string.Join(' ', parts);
    }
}
