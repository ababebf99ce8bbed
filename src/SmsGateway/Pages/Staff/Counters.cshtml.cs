using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.BookingCore.Queue;
using SmsBooking.SmsGateway.Staff;

namespace SmsBooking.SmsGateway.Pages.Staff;

/// <summary>The counters and the board: the agendas each counter calls, which counters are on a break, and the office's
/// notice on the board.</summary>
public sealed class CountersModel(OfficeSettings office, CounterActions actions, BookingService booking) : StaffPageModel(office)
{
    public IReadOnlyList<CounterActions.CounterState> Counters { get; private set; } = [];

    public LocalDate Date { get; private set; }

    public string? Notice { get; private set; }

    public string? Done { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync(string? date) => await LoadAsync(date);

    public async Task OnPostNoticeAsync(string? date, string? text)
    {
        var day = DateOr(date, booking.Calendar.Today());
        try
        {
            await actions.SetNoticeAsync(day, text, Who);
            Done = string.IsNullOrWhiteSpace(text)
                ? T($"Oznámení na {Day(day)} je smazané.", $"The notice of {Day(day)} is cleared.")
                : T($"Tabule ukazuje oznámení na {Day(day)}.", $"The board shows the notice of {Day(day)}.");
        }
        catch (ArgumentException)
        {
            Error = T($"Oznámení má nejvýš {QueueService.MaxNoticeLength} znaků a platí pro dnešek nebo pozdější den.",
                $"A notice has at most {QueueService.MaxNoticeLength} characters and is for today or a later day.");
        }
        await LoadAsync(date);
    }

    public async Task OnPostAgendasAsync(string? counter, string[]? agendas)
    {
        try
        {
            await actions.SetAgendasAsync(counter ?? "", agendas ?? [], Who);
            Done = (agendas?.Length ?? 0) == 0
                ? T($"Přepážka {counter!.Trim()} volá podle svého klíče.", $"Counter {counter!.Trim()} calls as its key says.")
                : T($"Přepážka {counter!.Trim()} volá jen: {AgendaNames(agendas!)}.", $"Counter {counter!.Trim()} calls only: {AgendaNames(agendas!)}.");
        }
        catch (ArgumentException)
        {
            Error = T($"Označení přepážky: {CounterName.Rule}; a agendy z nabídky.", $"A counter name is {CounterName.Rule}; and agendas from the list.");
        }
        await LoadAsync(null);
    }

    private async Task LoadAsync(string? date)
    {
        ViewData["Title"] = T("Přepážky a tabule", "Counters and board");
        Date = DateOr(date, booking.Calendar.Today());
        Counters = await actions.CountersAsync();
        Notice = await actions.NoticeAsync(Date);
    }

    /// <summary>Agenda names for ids, or "všechny agendy" for none.</summary>
    public string AgendaNames(IEnumerable<string>? ids) => ids is null || !ids.Any()
        ? T("všechny agendy", "every agenda")
        : string.Join(", ", ids.Select(AgendaName));

    public string When(Instant at) => Hm(at.InZone(Office.Zone).TimeOfDay);
}
