using Microsoft.AspNetCore.Mvc;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The fourth step: the free times of the day, as links to the form (or, with <c>?presun=</c>, to the move's
/// page with its button).</summary>
public sealed class TimesModel(BookingService booking, WebBookingAvailability availability, WebBookingChanges changes) : WebPageModel(booking, availability)
{
    public override int Step => 4;

    public Agenda? Agenda { get; private set; }

    public string ActivityId { get; private set; } = "";

    public LocalDate Date { get; private set; }

    public IReadOnlyList<LocalTime> Times { get; private set; } = [];

    private string? _presun;

    public async Task<IActionResult> OnGetAsync(string agenda, string activity, string date, string? presun)
    {
        if (!Enabled)
        {
            return Redirect(Link(WebLinks.Root));
        }
        Agenda = Office.FindAgenda(agenda);
        if (Agenda is null || Agenda.FindActivity(activity) is not { } found || found.BookablePerHour == 0 || ParseDate(date) is not { } day)
        {
            return NotFound();
        }
        ActivityId = found.Id;
        Date = day;
        var party = 1;
        if (presun is not null)
        {
            var (_, b) = await changes.ActiveAsync(presun);
            if (b is null || b.AgendaId != Agenda.Id || b.ActivityId != ActivityId)
            {
                return Redirect(WebLinks.Move(presun, Language));
            }
            party = b.Party;
            _presun = presun;
        }
        Times = (await Booking.FreeSlotsAsync(Agenda, Date, ActivityId, party)).Select(s => s.Start).ToList();
        return Page();
    }

    public string TimeLink(LocalTime time) => _presun is null
        ? Link($"{WebLinks.Root}/{Uri.EscapeDataString(Agenda!.Id)}/{Uri.EscapeDataString(ActivityId)}/{Iso(Date)}/{TimeSegment(time)}")
        : WebLinks.Path($"{WebLinks.Root}/presunout/{_presun}", Language, $"date={Iso(Date)}&time={TimeSegment(time)}");

    public string DaysLink => Link($"{WebLinks.Root}/{Uri.EscapeDataString(Agenda!.Id)}/{Uri.EscapeDataString(ActivityId)}",
        string.Join("&", new[] { $"month={Date.Year:0000}-{Date.Month:00}" }.Concat(_presun is null ? [] : [$"presun={_presun}"])));
}
