namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>An e-mail address as logs show it: the first letter of the mailbox and the domain (<c>j***@example.cz</c>).</summary>
public static class MailMask
{
    public static string Mask(string? email)
    {
        if (string.IsNullOrEmpty(email))
        {
            return "";
        }
        var at = email.LastIndexOf('@');
        return at <= 0 ? new string('*', email.Length) : email[0] + "***" + email[at..];
    }
}
