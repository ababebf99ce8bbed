using System.Net.Mail;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Calendar;
using SmsBooking.SmsGateway.Staff;
using SmsBooking.SmsGateway.Twilio;
using SmsBooking.SmsGateway.WebBooking;

namespace SmsBooking.SmsGateway.Pages.Objednat;

/// <summary>The fifth step: name, surname, e-mail and an optional mobile; its post reserves (holds the slot, e-mails
/// the confirm link) and sends the browser to the summary. A filled honeypot field (hidden from people, not from
/// bots) is refused, and the post is rate limited per source address (<see cref="WebBookingRegistration"/>).</summary>
public sealed class DetailsModel(BookingService booking, WebBookingAvailability availability, WebBookingFlow flow, IOptions<TwilioOptions> twilio,
    ILogger<DetailsModel> log) : WebPageModel(booking, availability)
{
    public override int Step => 5;

    public Agenda? Agenda { get; private set; }

    public string ActivityId { get; private set; } = "";

    public LocalDate Date { get; private set; }

    public LocalTime Time { get; private set; }

    [BindProperty] public string? FirstName { get; set; }
    [BindProperty] public string? Surname { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Mobile { get; set; }
    /// <summary>How many people (<c>osob</c>): the times list's choice comes in the address, the form's select may change it.</summary>
    [BindProperty(Name = "osob", SupportsGet = true)] public string? Osob { get; set; }
    /// <summary>The honeypot: people never see it, and a form with it filled is refused.</summary>
    [BindProperty] public string? Website { get; set; }

    public List<(string Field, string Message)> Errors { get; } = [];

    public WebOutcome? Outcome { get; private set; }

    public bool HasError(string field) => Errors.Any(e => e.Field == field);

    public string? ErrorOf(string field) => Errors.FirstOrDefault(e => e.Field == field).Message;

    /// <summary>The party size the form shows: the one chosen (1 when none or not a size allowed).</summary>
    public int Party => ParseParty(Osob) ?? 1;

    public string TimesLink => Link($"{WebLinks.Root}/{Uri.EscapeDataString(Agenda!.Id)}/{Uri.EscapeDataString(ActivityId)}/{Iso(Date)}",
        Party > 1 ? $"osob={Party}" : null);

    public IActionResult OnGet(string agenda, string activity, string date, string time) =>
        !Enabled ? Redirect(Link(WebLinks.Root)) : Resolve(agenda, activity, date, time) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(string agenda, string activity, string date, string time)
    {
        if (!Resolve(agenda, activity, date, time))
        {
            return NotFound();
        }
        if (!Enabled)
        {
            Problem = T["Off503"];
            Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return Page();
        }
        if (!string.IsNullOrEmpty(Website))
        {
            log.LogInformation("Web reservation refused: the honeypot field was filled");
            Problem = T["Bot"];
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var (mobile, party) = Check();
        if (Errors.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var result = await flow.ReserveAsync(new ReserveRequest(Agenda!.Id, ActivityId, Date, Time, FirstName!.Trim(), Surname!.Trim(), Email!.Trim(), mobile,
            Language, WebBookingRegistration.SourceOf(HttpContext), BaseUrl(), party));
        if (result.Outcome == WebOutcome.Done)
        {
            return Redirect(WebLinks.Summary(result.Reservation!.ViewToken, Language));
        }
        Outcome = result.Outcome;
        Problem = WebMessages.Of(T, result.Outcome, Booking.Options, party);
        Response.StatusCode = result.Outcome == WebOutcome.Off ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status409Conflict;
        return Page();
    }

    private bool Resolve(string agenda, string activity, string date, string time)
    {
        Agenda = Office.FindAgenda(agenda);
        if (Agenda is null || Agenda.FindActivity(activity) is not { } found || found.BookablePerHour == 0
            || ParseDate(date) is not { } day || ParseTime(time) is not { } at)
        {
            return false;
        }
        (ActivityId, Date, Time) = (found.Id, day, at);
        return true;
    }

    /// <summary>Checks the fields into <see cref="Errors"/>; the mobile in its international form (or null), and the
    /// party size (1 when not chosen).</summary>
    private (string? Mobile, int Party) Check()
    {
        if (string.IsNullOrWhiteSpace(FirstName) || FirstName.Trim().Length > 60 || FirstName.Any(char.IsControl))
        {
            Errors.Add(("first-name", T["ErrFirstName"]));
        }
        if (string.IsNullOrWhiteSpace(Surname) || Surname.Trim().Length > 60 || Surname.Any(char.IsControl))
        {
            Errors.Add(("surname", T["ErrSurname"]));
        }
        if (!IsEmail(Email))
        {
            Errors.Add(("email", T["ErrEmail"]));
        }
        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(Mobile) && !PhoneInput.TryNormalize(Mobile, out mobile!))
        {
            Errors.Add(("mobile", T["ErrMobile"]));
        }
        var party = string.IsNullOrWhiteSpace(Osob) ? 1 : ParseParty(Osob.Trim());
        if (party is null)
        {
            Errors.Add(("osob", T.Format("ErrParty", ("max", MaxParty))));
        }
        return (string.IsNullOrWhiteSpace(Mobile) ? null : mobile, party ?? 1);
    }

    /// <summary>One plain address (<c>jan.novak@example.cz</c>): no display name, no spaces, a dot in the domain.</summary>
    public static bool IsEmail(string? text)
    {
        var email = text?.Trim() ?? "";
        return email.Length is > 5 and <= 254 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '{' or '}' or '"' or ',' or ';')
            && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email && parsed.Host.Contains('.') && !parsed.Host.EndsWith('.');
    }

    /// <summary>Where the e-mail's links point: the office's public address when configured (a forged <c>Host</c> header
    /// must not put another site's address into the office's e-mail), else this request's.</summary>
    private Uri BaseUrl() => Uri.TryCreate(twilio.Value.PublicBaseUrl, UriKind.Absolute, out var configured)
        ? configured
        : new Uri($"{Request.Scheme}://{Request.Host}");
}
