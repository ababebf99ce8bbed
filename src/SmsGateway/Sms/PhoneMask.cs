namespace SmsBooking.SmsGateway.Sms;

/// <summary>Phone numbers in logs show their last 3 digits only.</summary>
public static class PhoneMask
{
    public static string Mask(string? phone) =>
        string.IsNullOrEmpty(phone) ? "" : phone.Length <= 3 ? new string('*', phone.Length) : new string('*', phone.Length - 3) + phone[^3..];
}
