namespace SmsBooking.BookingCore.Bookings;

/// <summary>The phone of a booking the staff made for a caller who gave no number: a placeholder of its own per booking
/// (<c>-K7M3QX</c>), never a number, so no SMS ever goes to it and no cap of another caller applies.</summary>
public static class NoPhone
{
    public const char Mark = '-';

    public static string New() => Mark + BookingSecrets.NewCode() + BookingSecrets.NewCode();

    /// <summary>The placeholder of the booking one request makes (a console form's one-time token): the same request
    /// twice names the same placeholder, so it finds the booking it made instead of making a second.</summary>
    public static string From(string requestKey) =>
        Mark + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(requestKey)))[..12];

    public static bool Is(string phone) => phone.StartsWith(Mark);
}
