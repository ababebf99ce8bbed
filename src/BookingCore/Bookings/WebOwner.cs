namespace SmsBooking.BookingCore.Bookings;

/// <summary>The owner of a hold and a booking made on the web pages: the citizen's e-mail address in the place of a
/// phone (<c>-@jan.novak@example.cz</c>), so that every cap of a phone (upcoming bookings per agenda, places across the
/// office) holds for one e-mail address too. It starts with <see cref="NoPhone.Mark"/>: nothing that texts a phone
/// (lapse notices, reminders, the staff's notices) ever sends an SMS to it; the web booking sends its e-mails, and the
/// PIN by SMS to a mobile the citizen gave, itself.</summary>
public static class WebOwner
{
    public const string Prefix = "-@";

    /// <summary>The owner of an e-mail address, compared without regard to case.</summary>
    public static string Of(string email) => Prefix + email.Trim().ToLowerInvariant();

    public static bool Is(string phone) => phone.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The e-mail address of a web owner; null for any other phone.</summary>
    public static string? EmailOf(string phone) => Is(phone) ? phone[Prefix.Length..] : null;
}
