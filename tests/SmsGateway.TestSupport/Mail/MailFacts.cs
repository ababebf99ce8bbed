using NodaTime;
using SmsBooking.SmsGateway.Mail;

namespace SmsBooking.SmsGateway.Tests.Mail;

/// <summary>A booking's e-mail facts as the web booking gives them, for the mail tests.</summary>
public static class MailFacts
{
    public static BookingMailFacts Booking(string code = "K7M3QX", LocalDate? date = null, LocalTime? time = null, int party = 1, string? reason = null) =>
        new(code, "Jana Nováková", "OP", "zadost", date ?? new LocalDate(2026, 12, 1), time ?? new LocalTime(8, 0), party,
            Pin: "482915",
            ConfirmBy: Instant.FromUtc(2026, 11, 30, 6, 15),
            ConfirmUrl: new Uri($"https://objednavky.example/objednat/potvrdit/{code}?t=token"),
            CancelUrl: new Uri($"https://objednavky.example/objednat/zrusit/{code}?t=token"),
            MoveUrl: new Uri($"https://objednavky.example/objednat/presunout/{code}?t=token"),
            BookAgainUrl: new Uri("https://objednavky.example/objednat"),
            Reason: reason);
}
