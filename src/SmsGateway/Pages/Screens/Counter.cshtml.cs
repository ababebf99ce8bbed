using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Queue;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Kiosk;
using SmsBooking.SmsGateway.Screens;

namespace SmsBooking.SmsGateway.Pages.Screens;

/// <summary>A clerk's screen at one counter (<c>/counter</c>): Další, Znovu vyvolat, Nedostavil se, Hotovo, Předat,
/// Přestávka, the current client's booking (activity, name), the agendas it calls and who waits. Each button posts, acts through the same queue service as
/// <c>/api/queue/*</c> with this browser's counter key, and comes back here with what happened.</summary>
public sealed partial class CounterModel(ScreenDevices devices, QueueService queue, IBookingStore bookings, OfficeSettings office, AgendaNames names,
    IOptions<KioskOptions> kiosk, ILogger<CounterModel> log) : ScreenPageModel(devices)
{
    public override KioskRole Role => KioskRole.Counter;

    public OfficeSettings Office => office;

    public AgendaNames Names => names;

    public int MaxCalls => kiosk.Value.MaxCalls;

    /// <summary>The counter this screen calls to: its key's name, or the one given when it was paired.</summary>
    public string? Counter => Screen?.Counter;

    /// <summary>The ticket this counter is calling or serving now.</summary>
    public Call? Current { get; private set; }

    /// <summary>The current ticket's booking, for a priority ticket.</summary>
    public Booking? Booking { get; private set; }

    public QueueSnapshot? Snapshot { get; private set; }

    public IReadOnlyDictionary<string, int> Waiting { get; private set; } = new Dictionary<string, int>();

    /// <summary>What the last button did, in the screen's language.</summary>
    public string? Message { get; private set; }

    public bool QueueDown { get; private set; }

    public async Task OnGetAsync(string? m, string? t, string? a)
    {
        Message = Describe(m, t, a);
        await LoadAsync();
    }

    /// <summary>Since when this counter is on a break, or null.</summary>
    public NodaTime.Instant? PausedSince { get; private set; }

    /// <summary>The agendas this counter calls (the staff's setting, else its key's); null: every agenda.</summary>
    public IReadOnlyList<string>? Agendas { get; private set; }

    public Task<IActionResult> OnPostNextAsync() => ActAsync(async () =>
        await queue.NextAsync(Counter!, Device!.Agendas) is { } call ? Back("next", call.Ticket.Number) : Back("empty"));

    public Task<IActionResult> OnPostPauseAsync() => ActAsync(async () => await queue.PauseAsync(Counter!) switch
    {
        PauseOutcome.Serving => Back("serving"),
        _ => Back("paused"),
    });

    public Task<IActionResult> OnPostResumeAsync() => ActAsync(async () =>
    {
        await queue.ResumeAsync(Counter!);
        return Back("resumed");
    });

    public Task<IActionResult> OnPostRecallAsync() => ActAsync(async () =>
    {
        var result = await queue.RecallAsync(Counter!, MaxCalls);
        return result.Outcome switch
        {
            RecallOutcome.Recalled => Back("recall", result.Call!.Ticket.Number),
            RecallOutcome.MaxCalls => Back("max", result.Call!.Ticket.Number),
            _ => Back("nothing"),
        };
    });

    public Task<IActionResult> OnPostNoShowAsync() => ActAsync(async () =>
    {
        var result = await queue.NoShowAsync(Counter!, MaxCalls);
        return result.Outcome switch
        {
            NoShowOutcome.Requeued => Back("requeued", result.Ticket!.Number),
            NoShowOutcome.DroppedOut => Back("dropped", result.Ticket!.Number),
            _ => Back("nothing"),
        };
    });

    public Task<IActionResult> OnPostDoneAsync() => ActAsync(async () =>
        await queue.DoneAsync(Counter!) is { } done ? Back("done", done.Ticket.Number) : Back("nothing"));

    public Task<IActionResult> OnPostTransferAsync(string? agenda) => ActAsync(async () =>
    {
        if (KioskApi.FindAgenda(office, agenda) is not { } to)
        {
            return Back("nothing");
        }
        return await queue.TransferAsync(Counter!, to.Id) is { } ticket ? Back("transfer", ticket.Number, to.Id) : Back("nothing");
    });

    private async Task<IActionResult> ActAsync(Func<Task<IActionResult>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is not OperationCanceledException and not ArgumentException)
        {
            log.LogError("Counter {Counter}: the queue did not answer ({Error})", Counter, e.GetType().Name);
            QueueDown = true;
            HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
    }

    /// <summary>Post, then redirect here with what happened: a reload repeats nothing.</summary>
    private RedirectResult Back(string what, string? ticket = null, string? agenda = null)
    {
        var query = $"m={what}" + (ticket is null ? "" : $"&t={Uri.EscapeDataString(ticket)}") + (agenda is null ? "" : $"&a={Uri.EscapeDataString(agenda)}");
        return Redirect(Link(query));
    }

    private async Task LoadAsync()
    {
        try
        {
            Snapshot = await queue.SnapshotAsync();
            Waiting = queue.WaitingByAgenda(Snapshot);
            Current = Snapshot.Serving.FirstOrDefault(c => string.Equals(c.Counter, Counter, StringComparison.Ordinal));
            PausedSince = Snapshot.Paused.TryGetValue(Counter!, out var since) ? since : null;
            Agendas = await queue.AgendasOfAsync(Counter!, Device!.Agendas);
            if (Current?.Ticket.BookingCode is { } code)
            {
                Booking = await bookings.GetBookingAsync(queue.Today(), code);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogError("Counter {Counter}: the queue did not answer ({Error})", Counter, e.GetType().Name);
            QueueDown = true;
            HttpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    [GeneratedRegex("^[PA][0-9]{3,5}$")]
    private static partial Regex TicketNumber();

    private string? Describe(string? what, string? ticket, string? agenda)
    {
        ticket = ticket is not null && TicketNumber().IsMatch(ticket) ? ticket : "";
        var agendaName = office.FindAgenda(agenda ?? "") is { } a ? names.Of(a, T) : "";
        return what switch
        {
            "next" => T.Format("CounterMsgNext", ("ticket", ticket)),
            "empty" => T["CounterMsgEmpty"],
            "recall" => T.Format("CounterMsgRecall", ("ticket", ticket)),
            "max" => T.Format("CounterMsgMax", ("ticket", ticket), ("max", MaxCalls)),
            "requeued" => T.Format("CounterMsgRequeued", ("ticket", ticket)),
            "dropped" => T.Format("CounterMsgDropped", ("ticket", ticket), ("max", MaxCalls)),
            "done" => T.Format("CounterMsgDone", ("ticket", ticket)),
            "transfer" => T.Format("CounterMsgTransfer", ("ticket", ticket), ("agenda", agendaName)),
            "nothing" => T["CounterMsgNothing"],
            "paused" => T["CounterMsgPaused"],
            "resumed" => T["CounterMsgResumed"],
            "serving" => T["CounterMsgServing"],
            _ => null,
        };
    }
}
