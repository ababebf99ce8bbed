using NodaTime.Text;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Staff.Statistics;

/// <summary>Bookings as CSV, one row per booking in day and time order: the day list of <c>/staff</c> and a range of days
/// (docs/staff.md, "Export CSV"). The file holds names and phones: it is personal data, handed out only to the console.</summary>
public static class BookingsCsv
{
    public static readonly string[] Header = ["datum", "čas", "osob", "kód", "jméno", "telefon / e-mail", "kanál", "agenda", "činnost", "stav"];

    public static byte[] Write(IEnumerable<Booking> bookings, OfficeSettings office, Func<BookingStatus, string> status)
    {
        var csv = new CsvText().Row(Header);
        foreach (var b in bookings.OrderBy(b => b.Date).ThenBy(b => b.Time).ThenBy(b => b.AgendaId, StringComparer.Ordinal))
        {
            var agenda = office.FindAgenda(b.AgendaId);
            csv.Row(LocalDatePattern.Iso.Format(b.Date), $"{b.Time.Hour:00}:{b.Time.Minute:00}", b.Party, b.Code, b.Name,
                WebOwner.EmailOf(b.Phone) ?? (NoPhone.Is(b.Phone) ? "" : b.Phone), b.Channel switch
                {
                    BookingChannel.Web => "web",
                    BookingChannel.Staff => "úřad",
                    _ => "SMS",
                },
                agenda?.Name.In(Language.Cs) ?? b.AgendaId, agenda?.FindActivity(b.ActivityId)?.Name.In(Language.Cs) ?? b.ActivityId, status(b.Status));
        }
        return csv.ToBytes();
    }
}
