using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>What the steps after the activity share (the days, the times): the agenda and activity of the address, the
/// party size (<c>?osob=3</c>: only days and times where the whole party fits are offered), and with <c>?presun=</c> (a
/// manage link's token) the booking being moved, whose party it keeps. The links to the next step carry both on.</summary>
public abstract class ActivityPageModel(BookingService booking, WebBookingAvailability availability, WebBookingChanges changes)
    : WebPageModel(booking, availability)
{
    public Agenda? Agenda { get; private set; }

    public string ActivityId { get; private set; } = "";

    /// <summary>How many people the booking is for (1 unless <c>?osob=</c> says more; a move's is its booking's).</summary>
    public int Party { get; private set; } = 1;

    /// <summary>The booking being moved, with <c>?presun=</c>.</summary>
    public Booking? Moving { get; private set; }

    /// <summary>The manage link's token of the booking being moved, or null.</summary>
    protected string? Presun { get; private set; }

    /// <summary>The activity's path (<c>/objednat/OP/zadost</c>).</summary>
    public string ActivityPath => $"{WebLinks.Root}/{Uri.EscapeDataString(Agenda!.Id)}/{Uri.EscapeDataString(ActivityId)}";

    /// <summary>Reads the address: null when the page can be shown, else what to answer instead (the booking off, an
    /// agenda or activity not to be booked on the web, a move link no longer active).</summary>
    protected async Task<IActionResult?> SetUpAsync(string agenda, string activity, string? presun, string? osob)
    {
        if (!Enabled)
        {
            return Redirect(Link(WebLinks.Root));
        }
        Agenda = Office.FindAgenda(agenda);
        if (Agenda is null || Agenda.FindActivity(activity) is not { } found || found.BookablePerHour == 0)
        {
            return NotFound();
        }
        ActivityId = found.Id;
        if (presun is null)
        {
            Party = ParseParty(osob) ?? 1;
            return null;
        }
        var (_, b) = await changes.ActiveAsync(presun);
        if (b is null || b.AgendaId != Agenda.Id || b.ActivityId != ActivityId)
        {
            return Redirect(WebLinks.Move(presun, Language));
        }
        (Moving, Presun, Party) = (b, presun, b.Party);
        return null;
    }

    /// <summary>The query of a link to the next step: <paramref name="values"/>, then the move's token or the party size.</summary>
    protected string Carry(params (string Key, string Value)[] values) =>
        string.Join("&", values.Concat(Presun is not null ? [("presun", Presun)] : Party > 1 ? [("osob", Party.ToString(CultureInfo.InvariantCulture))] : [])
            .Select(v => $"{v.Key}={Uri.EscapeDataString(v.Value)}"));
}
