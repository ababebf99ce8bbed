using System.Globalization;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime;
using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Notices;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>What every console page shares: the staff policy (the sign-in alone is open), Czech first, English on
/// <c>?lang=en</c> (kept in a cookie), the office, the signed-in user's name for the audit log, and the words for
/// statuses and dates.</summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = StaffRoles.Policy)]
public abstract class StaffPageModel(OfficeSettings office) : PageModel
{
    public const string LanguageCookie = "sb-staff-lang";

    public OfficeSettings Office => office;

    public bool English { get; private set; }

    public Language Language => English ? Language.En : Language.Cs;

    /// <summary>The Czech or the English of a phrase.</summary>
    public string T(string cs, string en) => English ? en : cs;

    /// <summary>Who the audit log names for this page's actions.</summary>
    public string Who => User.StaffName();

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        var lang = Request.Query["lang"].ToString();
        if (lang is "en" or "cs")
        {
            Response.Cookies.Append(LanguageCookie, lang, new CookieOptions { Path = "/staff", HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
            English = lang == "en";
        }
        else
        {
            English = Request.Cookies[LanguageCookie] == "en";
        }
        ViewData["Lang"] = English ? "en" : "cs";
        // Names, phones and a caller's PIN: never kept by a browser's or a proxy's cache.
        Response.Headers.CacheControl = "no-store";
        base.OnPageHandlerExecuting(context);
    }

    public string Status(BookingStatus status) => status switch
    {
        BookingStatus.Booked => T("objednáno", "booked"),
        BookingStatus.Moving => T("objednáno, přesouvá se", "booked, being moved"),
        BookingStatus.CheckedIn => T("odbaveno", "checked in"),
        BookingStatus.Called => T("vyvoláno", "called"),
        BookingStatus.Done => T("vyřízeno", "done"),
        BookingStatus.NoShow => T("nedostavil se", "no-show"),
        _ => T("zrušeno", "cancelled"),
    };

    public string ToldText(Told told) => told switch
    {
        Told.Sms => T("SMS odeslána", "SMS sent"),
        Told.Offer => T("SMS s nabídkou termínu", "SMS with an offered time"),
        Told.Email => T("e-mail odeslán (objednávka z webu)", "e-mail sent (a web booking)"),
        Told.OptedOut => T("neinformován: odhlásil SMS", "not told: opted out of SMS"),
        Told.NoPhone => T("neinformován: bez telefonu", "not told: no phone"),
        Told.NoMailRelay => T("neinformován: e-maily jsou vypnuté a objednávka z webu nemá mobil, zavolejte mu", "not told: e-mail is off and the web booking has no mobile, call them"),
        Told.Failed => T("neinformován: SMS se nepodařilo zařadit, zavolejte mu", "not told: the SMS could not be queued, call them"),
        _ => T("už informován dříve", "told before"),
    };

    private static readonly string[] CsDays = ["", "Po", "Út", "St", "Čt", "Pá", "So", "Ne"];
    private static readonly string[] EnDays = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    /// <summary>"Pá" / "Fri": a weekday's short name.</summary>
    public string WeekdayName(IsoDayOfWeek day) => (English ? EnDays : CsDays)[(int)day];

    public string Day(LocalDate date) => $"{(English ? EnDays : CsDays)[(int)date.DayOfWeek]} {date.Day}. {date.Month}. {date.Year}";

    public static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);

    public static string Hm(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    public string AgendaName(string id) => office.FindAgenda(id)?.Name.In(Language) ?? id;

    public string ActivityName(string agendaId, string activityId) => office.FindAgenda(agendaId)?.FindActivity(activityId)?.Name.In(Language) ?? activityId;

    public static string PhoneOf(Booking b) => PhoneText(b.Phone);

    public static string PhoneText(string phone) => WebOwner.EmailOf(phone) ?? (NoPhone.Is(phone) ? "—" : phone);

    /// <summary>How the booking was made, as the day list shows it.</summary>
    public string Channel(Booking b) => b.Channel switch
    {
        BookingChannel.Web => T("web", "web"),
        BookingChannel.Staff => T("úřad", "staff"),
        _ => "SMS",
    };

    /// <summary>A date from a form or the query; today when empty or not a date.</summary>
    public static LocalDate DateOr(string? text, LocalDate today) =>
        LocalDatePattern.Iso.Parse(text ?? "") is { Success: true } parsed ? parsed.Value : today;

    public static LocalTime? TimeOf(string? text) =>
        LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse((text ?? "").Trim()) is { Success: true } t ? t.Value : null;

    public IEnumerable<Agenda> Agendas => office.Agendas;

    /// <summary>"3 přepážky", "1 přepážka", "5 přepážek"; "3 counters".</summary>
    public string CountersText(int n) => English
        ? $"{n} counter{(n == 1 ? "" : "s")}"
        : $"{n} {(n == 1 ? "přepážka" : n is >= 2 and <= 4 ? "přepážky" : "přepážek")}";

    /// <summary>A closure in the console's words: <c>Út 1. 12. 2026 10:00–11:00, Občanské průkazy, 1 přepážka</c>.</summary>
    public string Describe(BookingCore.Closures.Closure c) =>
        $"{Day(c.Date)} {(c.WholeDay ? T("celý den", "whole day") : $"{(c.From is { } f ? Hm(f) : "")}–{(c.To is { } t ? Hm(t) : "")}")}, " +
        $"{(c.AgendaId is null ? T("celý úřad", "the whole office") : AgendaName(c.AgendaId))}, " +
        $"{(c.Counters is { } n ? CountersText(n) : T("všechny přepážky", "all counters"))}";
}
