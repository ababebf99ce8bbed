namespace SmsBooking.BookingCore.Bookings;

/// <summary>The phone of a booking the staff made for a caller who gave no number: a placeholder of its own per booking
/// (<c>-K7M3QX</c>), never a number, so no SMS ever goes to it and no cap of another caller applies.</summary>
public static class NoPhone
{
    public const char Mark = '-';

    public static string New() => Mark + BookingSecrets.NewCode() + BookingSecrets.NewCode();

    public static bool Is(string phone) => phone.StartsWith(Mark);
}
