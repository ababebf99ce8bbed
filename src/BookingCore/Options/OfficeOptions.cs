namespace SmsBooking.BookingCore.Options;

/// <summary>The office as configured under <c>Office</c>: time zone, hours, closures and agendas.</summary>
/// <remarks>Bound from configuration as plain strings; <see cref="OfficeSettings"/> is the validated, typed form.</remarks>
public sealed class OfficeOptions
{
    public const string SectionName = "Office";

    public string Name { get; set; } = "";
    public Dictionary<string, string> Place { get; set; } = new();
    public string TimeZone { get; set; } = "Europe/Prague";
    public int HorizonDays { get; set; } = 60;
    public Dictionary<string, string> Hours { get; set; } = new();
    public List<string> Closures { get; set; } = new();
    public List<AgendaOptions> Agendas { get; set; } = new();
}

public sealed class AgendaOptions
{
    public string Id { get; set; } = "";
    /// <summary>Short codes that name the agenda as a whole (e.g. <c>OP</c>); unique across the office, activity codes
    /// included. Empty: the <see cref="Id"/>.</summary>
    public List<string> Codes { get; set; } = new();
    /// <summary>Words and phrases citizens use for the agenda (<c>obcanka</c>, <c>pas</c>, <c>ID card</c>), matched without
    /// regard to case, diacritics or Czech endings (docs/conversation-reading.md).</summary>
    public List<string> Words { get; set; } = new();
    public Dictionary<string, string> Name { get; set; } = new();
    public int SlotMinutes { get; set; }
    public int Counters { get; set; }
    public List<ActivityOptions> Activities { get; set; } = new();

    /// <summary>Walk-in tickets the kiosk hands out for this agenda a day; past it the kiosk says the office serves no
    /// more clients without a booking today. 0: no cap.</summary>
    public int WalkInDailyCap { get; set; }

    /// <summary>The activity a "document ready" notice invites the citizen to book (the pickup, e.g. <c>prevzeti</c>);
    /// empty: the agenda sends no ready notices.</summary>
    public string PickupActivity { get; set; } = "";
}

public sealed class ActivityOptions
{
    public string Id { get; set; } = "";
    /// <summary>Short codes that name this activity (Trutnov's <c>ZOP</c>, <c>POP</c>, ...); unique across the office.</summary>
    public List<string> Codes { get; set; } = new();
    /// <summary>Words and phrases citizens use for the activity (<c>vyzvednuti</c>, <c>ztrata</c>, <c>pick up</c>).</summary>
    public List<string> Words { get; set; } = new();
    public Dictionary<string, string> Name { get; set; } = new();

    /// <summary>Bookings of this activity each counter takes per clock hour (Trutnov: 1); the rest of the counters'
    /// time is for clients who come without booking. Unset: only the slots' counters limit it; 0: walk-in only.</summary>
    public int? BookablePerHour { get; set; }

    /// <summary>What the activity costs, by language (<c>cs</c> required when given, <c>en</c>, <c>uk</c>): the SMS
    /// answer to <c>kolik to stoji?</c>. At most <see cref="OfficeSettings.MaxFeeLength"/> characters.</summary>
    public Dictionary<string, string> Fee { get; set; } = new();

    /// <summary>What to bring for the activity, by language: the SMS answer to <c>co mam vzit s sebou?</c>. At most
    /// <see cref="OfficeSettings.MaxBringLength"/> characters.</summary>
    public Dictionary<string, string> Bring { get; set; } = new();
}
