using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Calendar;

namespace SmsBooking.BookingCore.Options;

/// <summary>The validated, typed form of <see cref="OfficeOptions"/>.</summary>
public sealed class OfficeSettings
{
    private OfficeSettings(string name, LocalizedText place, DateTimeZone zone, int horizonDays,
        IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> hours, IReadOnlySet<LocalDate> closures, IReadOnlyList<Agenda> agendas)
    {
        Name = name;
        Place = place;
        Zone = zone;
        HorizonDays = horizonDays;
        Hours = hours;
        Closures = closures;
        Agendas = agendas;
    }

    public string Name { get; }
    public LocalizedText Place { get; }
    public DateTimeZone Zone { get; }
    public int HorizonDays { get; }
    public IReadOnlyDictionary<IsoDayOfWeek, OpeningHours> Hours { get; }
    public IReadOnlySet<LocalDate> Closures { get; }
    public IReadOnlyList<Agenda> Agendas { get; }

    /// <summary>The longest fee an activity may give (<c>Fee:cs</c>, ...): the answer, with the step's reminder, fits
    /// one reply.</summary>
    public const int MaxFeeLength = 60;

    /// <summary>The longest list of what to bring an activity may give (<c>Bring:cs</c>, ...).</summary>
    public const int MaxBringLength = 140;

    public Agenda? FindAgenda(string id) => Agendas.FirstOrDefault(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The agenda a typed code names: one of its own codes, one of its activities' codes (an activity code
    /// names its agenda too: <c>ZOP</c> is the identity-card agenda) or its id.</summary>
    public Agenda? FindAgendaByCode(string code) =>
        Agendas.FirstOrDefault(a => a.Codes.Contains(code, StringComparer.OrdinalIgnoreCase) || string.Equals(a.Id, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds the settings, or lists every problem as <c>Key: problem</c>.</summary>
    public static OfficeSettings Create(OfficeOptions options, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        const string S = OfficeOptions.SectionName;

        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(options.TimeZone ?? "");
        if (zone is null)
        {
            problems.Add($"{S}:TimeZone: '{options.TimeZone}' is not an IANA time zone (e.g. Europe/Prague)");
        }
        if (options.HorizonDays is < 0 or > 366)
        {
            problems.Add($"{S}:HorizonDays: {options.HorizonDays} must be between 0 and 366");
        }

        var hours = new Dictionary<IsoDayOfWeek, OpeningHours>();
        foreach (var (dayName, range) in options.Hours)
        {
            if (!Enum.TryParse<IsoDayOfWeek>(dayName, ignoreCase: true, out var day) || day == IsoDayOfWeek.None || int.TryParse(dayName, out _))
            {
                problems.Add($"{S}:Hours:{dayName}: not a day of the week (Monday..Sunday)");
                continue;
            }
            if (string.IsNullOrWhiteSpace(range) || range.Trim().Equals("closed", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            if (!OpeningHours.TryParse(range, out var parsed))
            {
                problems.Add($"{S}:Hours:{dayName}: '{range}' is not a range like 08:00-17:00");
                continue;
            }
            hours[day] = parsed;
        }
        if (hours.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{S}:Hours: the office is never open; give at least one day, e.g. Monday: 08:00-17:00");
        }

        var closures = new HashSet<LocalDate>();
        for (int i = 0; i < options.Closures.Count; i++)
        {
            var parsed = LocalDatePattern.Iso.Parse(options.Closures[i] ?? "");
            if (parsed.Success)
            {
                closures.Add(parsed.Value);
            }
            else
            {
                problems.Add($"{S}:Closures:{i}: '{options.Closures[i]}' is not an ISO date (yyyy-MM-dd)");
            }
        }

        var agendas = new List<Agenda>();
        if (options.Agendas.Count == 0)
        {
            problems.Add($"{S}:Agendas: at least one agenda is required");
        }
        var seenIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        // Code -> the key that owns it: agenda and activity codes share one space, as a citizen types them alike.
        var seenCodes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < options.Agendas.Count; i++)
        {
            var a = options.Agendas[i];
            var key = $"{S}:Agendas:{i}";
            if (string.IsNullOrWhiteSpace(a.Id) || !a.Id.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add($"{key}:Id: '{a.Id}' must be letters and digits (e.g. OP)");
            }
            else if (!seenIds.Add(a.Id))
            {
                problems.Add($"{key}:Id: '{a.Id}' is used twice");
            }
            var name = Localized(a.Name, $"{key}:Name", problems);
            if (a.SlotMinutes is < 1 or > 480)
            {
                problems.Add($"{key}:SlotMinutes: {a.SlotMinutes} must be between 1 and 480");
            }
            if (a.Counters is < 1 or > 100)
            {
                problems.Add($"{key}:Counters: {a.Counters} must be between 1 and 100");
            }
            var ownCodes = Codes(a.Codes.Count > 0 ? a.Codes : [a.Id], key, seenCodes, problems);
            var words = Words(a.Words, $"{key}:Words", problems);
            var activities = new List<Activity>();
            if (a.Activities.Count == 0)
            {
                problems.Add($"{key}:Activities: at least one activity is required");
            }
            var activityIds = new HashSet<string>(StringComparer.Ordinal);
            for (int j = 0; j < a.Activities.Count; j++)
            {
                var act = a.Activities[j];
                var actKey = $"{key}:Activities:{j}";
                if (string.IsNullOrWhiteSpace(act.Id))
                {
                    problems.Add($"{actKey}:Id: is required");
                }
                else if (!activityIds.Add(act.Id))
                {
                    problems.Add($"{actKey}:Id: '{act.Id}' is used twice in this agenda");
                }
                if (act.BookablePerHour is < 0 or > 100)
                {
                    problems.Add($"{actKey}:BookablePerHour: {act.BookablePerHour} must be between 0 and 100 (bookings per counter and hour)");
                }
                var actName = Localized(act.Name, $"{actKey}:Name", problems);
                var actCodes = Codes(act.Codes, actKey, seenCodes, problems);
                activities.Add(new Activity(act.Id, actName, actCodes, Words(act.Words, $"{actKey}:Words", problems))
                {
                    BookablePerHour = act.BookablePerHour,
                    Fee = Told(act.Fee, $"{actKey}:Fee", MaxFeeLength, problems),
                    Bring = Told(act.Bring, $"{actKey}:Bring", MaxBringLength, problems),
                });
            }
            if (a.WalkInDailyCap is < 0 or > 100_000)
            {
                problems.Add($"{key}:WalkInDailyCap: {a.WalkInDailyCap} must be between 0 (no cap) and 100000");
            }
            Activity? pickup = null;
            if (!string.IsNullOrWhiteSpace(a.PickupActivity))
            {
                pickup = activities.FirstOrDefault(x => x.Id == a.PickupActivity.Trim());
                if (pickup is null)
                {
                    problems.Add($"{key}:PickupActivity: '{a.PickupActivity}' is not one of the agenda's activities ({string.Join(", ", activities.Select(x => x.Id))})");
                }
            }
            var codes = ownCodes.Concat(activities.SelectMany(x => x.Codes)).ToList();
            agendas.Add(new Agenda(a.Id, codes, name, a.SlotMinutes, a.Counters, activities, words)
            {
                WalkInDailyCap = a.WalkInDailyCap,
                PickupActivity = pickup,
            });
        }

        var place = new LocalizedText(
            options.Place.GetValueOrDefault("cs") ?? options.Name,
            options.Place.GetValueOrDefault("en") ?? options.Place.GetValueOrDefault("cs") ?? options.Name,
            options.Place.GetValueOrDefault("uk"));

        errors = problems;
        return new OfficeSettings(options.Name, place, zone ?? DateTimeZone.Utc, Math.Max(0, options.HorizonDays), hours, closures, agendas);
    }

    /// <summary>The codes upper-cased; each must be letters and digits and name one thing in the whole office.</summary>
    private static List<string> Codes(List<string> configured, string key, Dictionary<string, string> seen, List<string> problems)
    {
        var codes = new List<string>();
        foreach (var code in configured)
        {
            if (string.IsNullOrWhiteSpace(code) || !code.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add($"{key}:Codes: '{code}' must be letters and digits");
            }
            else if (seen.TryGetValue(code, out var owner))
            {
                problems.Add($"{key}:Codes: '{code}' is already a code of {owner}");
            }
            else
            {
                seen[code] = key;
                codes.Add(code.ToUpperInvariant());
            }
        }
        return codes;
    }

    /// <summary>The words in <see cref="WordForm"/>, each once.</summary>
    private static List<string> Words(List<string> configured, string key, List<string> problems)
    {
        var words = new List<string>();
        for (int k = 0; k < configured.Count; k++)
        {
            var folded = WordForm.Of(configured[k]);
            if (!WordForm.IsPlain(folded))
            {
                problems.Add($"{key}:{k}: '{configured[k]}' must be letters, digits and spaces");
            }
            else if (!words.Contains(folded))
            {
                words.Add(folded);
            }
        }
        return words;
    }

    /// <summary>An optional text told to citizens in an SMS (a fee, what to bring): null when none is given; when given,
    /// Czech is required and each language is at most <paramref name="max"/> characters.</summary>
    private static LocalizedText? Told(Dictionary<string, string> texts, string key, int max, List<string> problems)
    {
        if (texts.Values.All(string.IsNullOrWhiteSpace))
        {
            return null;
        }
        foreach (var (language, text) in texts)
        {
            if (language is not ("cs" or "en" or "uk"))
            {
                problems.Add($"{key}:{language}: not a language of the SMS (cs, en, uk)");
            }
            else if (text.Trim().Length > max)
            {
                problems.Add($"{key}:{language}: {text.Trim().Length} characters, at most {max} (it is answered in one SMS)");
            }
        }
        var told = Localized(texts, key, problems, "text");
        return told with { Cs = told.Cs.Trim(), En = told.En.Trim(), Uk = told.Uk?.Trim() };
    }

    private static LocalizedText Localized(Dictionary<string, string> names, string key, List<string> problems, string what = "name")
    {
        var cs = names.GetValueOrDefault("cs");
        var en = names.GetValueOrDefault("en");
        if (string.IsNullOrWhiteSpace(cs))
        {
            problems.Add($"{key}:cs: a Czech {what} is required");
        }
        return new LocalizedText(cs ?? "", string.IsNullOrWhiteSpace(en) ? cs ?? "" : en, names.GetValueOrDefault("uk"));
    }
}
