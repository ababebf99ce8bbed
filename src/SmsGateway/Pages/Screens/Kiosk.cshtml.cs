using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Screens;

namespace SmsBooking.SmsGateway.Pages.Screens;

/// <summary>The kiosk at the entrance (<c>/kiosk</c>): "Mám PIN" (a keypad) gives a booked citizen a priority ticket,
/// "Bez objednání" (the agendas) gives anyone an ordinary one. The PIN goes through the same guard as
/// <c>POST /api/kiosk/checkin</c>, with this kiosk's key: the lockout counts both alike.</summary>
public sealed class KioskModel(ScreenDevices devices, QueueService queue, IOptions<KioskOptions> kiosk, OfficeSettings office, AgendaNames names,
    CheckInHours hours, IClock clock, ILoggerFactory logs) : ScreenPageModel(devices)
{
    public const string Start = "start", Pin = "pin", Agendas = "agenda", TicketShown = "ticket", Invalid = "invalid", Locked = "locked", OutOfOrder = "error",
        WalkInsFull = "full", CheckInDown = "checkin-down";

    public override KioskRole Role => KioskRole.Kiosk;

    public OfficeSettings Office => office;

    public AgendaNames Names => names;

    /// <summary>Which of the kiosk's screens to show.</summary>
    public string Step { get; private set; } = Start;

    public Ticket? Ticket { get; private set; }

    /// <summary>Tickets that will be called before this one.</summary>
    public int? Ahead { get; private set; }

    /// <summary>When the ticket was issued, as the office's clock reads.</summary>
    public LocalDateTime Issued { get; private set; }

    /// <summary>A priority ticket's booked start, local.</summary>
    public LocalTime? Booked { get; private set; }

    /// <summary>For <c>NEPLATNÝ KÓD</c>: the reason true of every PIN now, if any, and the general rule.</summary>
    public string? Reason { get; private set; }

    public string? Rule { get; private set; }

    /// <summary>How many the ticket is for: a party's booking gets one ticket for the group.</summary>
    public int People { get; private set; } = 1;

    public void OnGet(string? step)
    {
        Step = step is Pin or Agendas ? step : Start;
    }

    public async Task<IActionResult> OnPostPinAsync(string? pin)
    {
        try
        {
            var result = await KioskCheckIn.RunAsync(queue, Device!, pin ?? "", kiosk.Value, logs, HttpContext.Connection.RemoteIpAddress);
            switch (result.Outcome)
            {
                case CheckInOutcome.CheckedIn:
                    People = result.People;
                    await ShowTicketAsync(result.Ticket!);
                    break;
                case CheckInOutcome.Throttled:
                case CheckInOutcome.Busy:
                    Step = Locked;
                    break;
                default:
                    Step = Invalid;
                    Reason = hours.ReasonFor(clock.GetCurrentInstant(), T);
                    Rule = hours.Rule(T);
                    HttpContext.Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
                    break;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // No priority ticket now: the citizen is told to take an ordinary one or to ask at the desk.
            Fail(e, CheckInDown);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostWalkInAsync(string? agenda)
    {
        if (KioskApi.FindAgenda(office, agenda) is not { } chosen)
        {
            Step = Agendas;
            HttpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            if (await queue.WalkInAsync(chosen.Id) is { } ticket)
            {
                await ShowTicketAsync(ticket);
            }
            else
            {
                // The agenda's walk-in tickets of the day (Office:Agendas:N:WalkInDailyCap) are all handed out.
                Step = WalkInsFull;
                HttpContext.Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            Fail(e, OutOfOrder);
        }
        return Page();
    }

    private async Task ShowTicketAsync(Ticket ticket)
    {
        Step = TicketShown;
        Ticket = ticket;
        Issued = clock.GetCurrentInstant().InZone(office.Zone).LocalDateTime;
        Booked = ticket.Start?.InZone(office.Zone).TimeOfDay;
        try
        {
            var waiting = (await queue.SnapshotAsync()).Waiting;
            Ahead = Math.Max(0, waiting.Select(t => t.Number).ToList().IndexOf(ticket.Number));
        }
        catch (Exception e) when (Hosting.StoreUnavailable.IsStoreDown(e))
        {
            Ahead = null; // the ticket is issued: it is shown, without the count the store could not give
        }
    }

    private void Fail(Exception e, string step)
    {
        logs.CreateLogger<KioskModel>().LogError("Kiosk {Device}: the queue did not answer ({Error})", Device!.Label, e.GetType().Name);
        Step = step;
        HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        HttpContext.Response.Headers.RetryAfter = ((int)Hosting.StoreUnavailable.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
