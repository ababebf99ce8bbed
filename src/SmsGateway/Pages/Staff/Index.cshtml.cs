using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;
using Statistics = SmsBooking.SmsGateway.Staff.Statistics;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The day's schedule per agenda and counter capacity: every booking with where it stands, the day's closures
/// and figures.</summary>
public sealed class IndexModel(OfficeSettings office, StaffQueries queries, ClosureService closures, BookingService booking, VisitActions visits)
    : StaffPageModel(office)
{
    /// <summary>What the last "done" or "no-show" did, for the status line.</summary>
    public sealed record SettledLine(bool Ok, string Text);

    public SettledLine? Settled { get; private set; }
    public LocalDate Date { get; private set; }

    public string? AgendaId { get; private set; }

    public IReadOnlyList<Booking> Bookings { get; private set; } = [];

    public IReadOnlyList<Closure> Closures { get; private set; } = [];

    public DayFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(string? date, string? agenda, string? settled, string? code)
    {
        Settled = Describe(settled, code);
        Date = DateOr(date, booking.Calendar.Today());
        AgendaId = Office.FindAgenda(agenda ?? "")?.Id;
        ViewData["Title"] = T("Rozvrh dne", "Schedule");
        var bookings = queries.ScheduleAsync(Date, AgendaId);
        var dayClosures = closures.ClosuresAsync(Date);
        var figures = queries.FiguresAsync(Date);
        await Task.WhenAll(bookings, dayClosures, figures);
        (Bookings, Closures, Figures) = (await bookings, await dayClosures, await figures);
    }

    /// <summary>The day list as CSV (docs/staff.md, "Export CSV").</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetCsvAsync(string? date, string? agenda)
    {
        Date = DateOr(date, booking.Calendar.Today());
        AgendaId = Office.FindAgenda(agenda ?? "")?.Id;
        var rows = await queries.ScheduleAsync(Date, AgendaId);
        return File(Statistics.BookingsCsv.Write(rows, Office, Status), Statistics.CsvText.ContentType,
            $"rozvrh-{Iso(Date)}{(AgendaId is null ? "" : "-" + AgendaId)}.csv");
    }

    /// <summary>One tap on a row of the day list: the visit is done, or the citizen did not come. Post, then back to
    /// the day list with what happened (a reload repeats nothing).</summary>
    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnPostVisitAsync(string? date, string? code, string? outcome, string? agenda)
    {
        var day = DateOr(date, booking.Calendar.Today());
        var status = outcome == "noshow" ? BookingStatus.NoShow : BookingStatus.Done;
        var result = string.IsNullOrWhiteSpace(code) || day > booking.Calendar.Today()
            ? new BookingCore.Queue.VisitResult(BookingCore.Queue.VisitOutcome.NotFound)
            : await visits.SettleAsync(day, code, status, Who);
        var said = result.Outcome switch
        {
            BookingCore.Queue.VisitOutcome.Settled or BookingCore.Queue.VisitOutcome.Already => status == BookingStatus.Done ? "done" : "noshow",
            BookingCore.Queue.VisitOutcome.Refused => "refused",
            _ => "none",
        };
        var agendaQuery = Office.FindAgenda(agenda ?? "") is { } a ? "&agenda=" + a.Id : "";
        return Redirect($"/staff?date={Iso(day)}{agendaQuery}&settled={said}&code={Uri.EscapeDataString(code ?? "")}");
    }

    /// <summary>Whether the row offers the button: a visit of today or before, booked, checked in or called, or settled
    /// the other way (a correction).</summary>
    public bool CanSettle(Booking b, BookingStatus outcome) =>
        b.Date <= booking.Calendar.Today() && b.Status != outcome
        && b.Status is BookingStatus.Booked or BookingStatus.CheckedIn or BookingStatus.Called or BookingStatus.Done or BookingStatus.NoShow;

    private SettledLine? Describe(string? settled, string? code)
    {
        code = code is { Length: > 0 and <= 12 } && code.All(char.IsLetterOrDigit) ? code : "";
        return settled switch
        {
            "done" => new(true, T($"{code}: vyřízeno.", $"{code}: done.")),
            "noshow" => new(true, T($"{code}: nedostavil se.", $"{code}: no-show.")),
            "refused" => new(false, T($"{code}: zrušenou nebo přesouvanou objednávku nelze vyřídit.", $"{code}: a cancelled booking or one being moved cannot be settled.")),
            "none" => new(false, T($"{code}: takovou objednávku dnes ani dříve nemáme.", $"{code}: no such booking today or before.")),
            _ => null,
        };
    }

    public string Wait(Duration? wait) => wait is { } w ? $"{(int)w.TotalMinutes} min" : "—";
}
