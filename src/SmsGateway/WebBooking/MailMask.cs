namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>An e-mail address as logs show it: one masking for every e-mail log line (<see cref="Mail.EmailMask"/>:
/// the first letter and the top-level domain, <c>j***@***.cz</c>).</summary>
public static class MailMask
{
    public static string Mask(string? email) => Mail.EmailMask.Mask(email);
}
