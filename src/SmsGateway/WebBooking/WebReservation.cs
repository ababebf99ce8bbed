using NodaTime;
using SmsBooking.BookingCore.Holds;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>One booking made on the web pages, from the reservation to its end: what the citizen entered, the hold it
/// began as, and the booking it became. <see cref="Code"/> is drawn at the reservation (the e-mail's identification
/// code) and becomes the booking's; a move changes <see cref="Date"/> and may change the code. Its <see cref="Id"/> is
/// the first hold's id, so a lapsed hold finds its reservation.</summary>
/// <remarks>Personal data (name, e-mail, mobile): kept until the visit plus <c>Booking:RetentionDays</c>, never logged.</remarks>
/// <param name="BaseUrl">The public address the links of its e-mails start with, as the reservation was made.</param>
/// <param name="Ended">Refused at its confirmation (a cap of the e-mail address or the mobile): its hold was released
/// then, and no lapse e-mail follows the refusal.</param>
/// <param name="Refusal">Why it was refused at its confirmation (<see cref="WebOutcome.TooManyBookings"/>,
/// <see cref="WebOutcome.TooManyPlaces"/>): the confirm link, opened again, says the same.</param>
public sealed record WebReservation(
    string Id,
    Hold Hold,
    string Name,
    string Email,
    string? Mobile,
    Language Language,
    Uri BaseUrl,
    string ConfirmToken,
    string ManageToken,
    string ViewToken,
    LocalDate Date,
    string Code,
    bool Confirmed = false,
    bool Ended = false,
    WebOutcome? Refusal = null)
{
    public string Owner => Hold.Phone;

    /// <summary>Every token of its links, each with what it lets do.</summary>
    public IEnumerable<(string Token, WebTokenRole Role)> Tokens =>
        [(ConfirmToken, WebTokenRole.Confirm), (ManageToken, WebTokenRole.Manage), (ViewToken, WebTokenRole.View)];
}
