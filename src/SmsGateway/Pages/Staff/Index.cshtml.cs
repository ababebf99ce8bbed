using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Closures;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Staff;
using Statistics = SmsBooking.SmsGateway.Staff.Statistics;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The day's schedule per agenda and counter capacity: every booking with where it stands, the day's closures
/// and figures.</summary>
public sealed class IndexModel(OfficeSettings office, StaffQueries queries, ClosureService closures, BookingService booking) : StaffPageModel(office)
{
    public LocalDate Date { get; private set; }

    public string? AgendaId { get; private set; }

    public IReadOnlyList<Booking> Bookings { get; private set; } = [];

    public IReadOnlyList<Closure> Closures { get; private set; } = [];

    public DayFigures Figures { get; private set; } = null!;

    public async Task OnGetAsync(string? date, string? agenda)
    {
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

    public string Wait(Duration? wait) => wait is { } w ? $"{(int)w.TotalMinutes} min" : "—";
}
