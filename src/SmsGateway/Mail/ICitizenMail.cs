using NodaTime;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Mail;

/// <summary>The e-mails the office sends a citizen of the web booking. Each is rendered in the citizen's language from
/// the texts an office can override, as multipart text and HTML, and queued in the durable e-mail outbox: at least once,
/// deduplicated by <paramref name="dedupeKey"/> as SMS are.</summary>
public interface ICitizenMail
{
    /// <summary>Queues the e-mail unless its dedupe key was queued before; true when queued now.</summary>
    /// <param name="to">The citizen's e-mail address (personal data: never logged unmasked).</param>
    Task<bool> SendAsync(CitizenMailKind kind, string to, Language language, BookingMailFacts facts, string dedupeKey);
}

/// <summary>Which e-mail: each has its own subject and text.</summary>
public enum CitizenMailKind
{
    /// <summary>After the reservation: the identification code, the deadline (<see cref="BookingMailFacts.ConfirmBy"/>)
    /// and the link to the page whose button confirms (<see cref="BookingMailFacts.ConfirmUrl"/>).</summary>
    ConfirmLink,

    /// <summary>After the confirmation: the PIN, the office's address, the check-in window, an <c>.ics</c> attachment and
    /// the links to cancel and to move.</summary>
    Pin,

    /// <summary>After a move: as <see cref="Pin"/>, for the new time.</summary>
    Moved,

    /// <summary>The booking was cancelled, by the citizen or by the office (<see cref="BookingMailFacts.Reason"/>).</summary>
    Cancelled,

    /// <summary>The reservation was not confirmed in time; the slot is free again (<see cref="BookingMailFacts.BookAgainUrl"/>).</summary>
    Lapsed,

    /// <summary>A reminder before the visit, with the PIN and the check-in window.</summary>
    Reminder,

    /// <summary>The staff marked the document of the application ready: a link to book its pickup
    /// (<see cref="BookingMailFacts.BookAgainUrl"/>).</summary>
    Ready,
}

/// <summary>What a booking e-mail says, whatever its language. Names are ids of <c>Office:Agendas</c>; the renderer
/// looks up their names in the citizen's language.</summary>
public sealed record BookingMailFacts(
    string Code,
    string Name,
    string AgendaId,
    string ActivityId,
    LocalDate Date,
    LocalTime Time,
    int Party = 1,
    string? Pin = null,
    Instant? ConfirmBy = null,
    Uri? ConfirmUrl = null,
    Uri? CancelUrl = null,
    Uri? MoveUrl = null,
    Uri? BookAgainUrl = null,
    string? Reason = null);
