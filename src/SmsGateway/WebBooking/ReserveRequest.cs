using NodaTime;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>What the reservation form sends, checked: a slot and who asks for it.</summary>
/// <param name="Source">The source address of the request (one hold per source at a time).</param>
/// <param name="BaseUrl">The public address the e-mail's links start with.</param>
/// <param name="Party">How many people the booking is for (<c>Booking:MaxPartySize</c> at most), each with a place.</param>
public sealed record ReserveRequest(string AgendaId, string ActivityId, LocalDate Date, LocalTime Time, string FirstName, string Surname,
    string Email, string? Mobile, Language Language, string Source, Uri BaseUrl, int Party = 1)
{
    public string Name => $"{FirstName} {Surname}";
}
