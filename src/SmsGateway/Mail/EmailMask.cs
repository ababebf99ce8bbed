namespace SmsBooking.SmsGateway.Mail;

/// <summary>E-mail addresses in logs show the first letter and the top-level domain only (<c>p***@***.cz</c>), as phone
/// numbers show their last 3 digits (<see cref="Sms.PhoneMask"/>): enough to tell two apart in a log, not to write to one.</summary>
public static class EmailMask
{
    public static string Mask(string? address)
    {
        if (string.IsNullOrEmpty(address))
        {
            return "";
        }
        var at = address.LastIndexOf('@');
        if (at <= 0)
        {
            return new string('*', address.Length);
        }
        var domain = address[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        return address[0] + "***@***" + (dot >= 0 ? domain[dot..] : "");
    }
}
