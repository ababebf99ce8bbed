using System.Text.RegularExpressions;
using MimeKit;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>The citizens' mailboxes: the e-mails the gateway sent through MailKit to the SMTP server in the test
/// process (<see cref="TestSmtp"/>), read as a citizen reads them: by subject, and the links and the PIN in the text.</summary>
public sealed partial class WebMailbox(TestSmtp smtp) : IAsyncDisposable
{
    public TestSmtp Smtp => smtp;

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex Url();

    [GeneratedRegex(@"PIN: (\d{6})")]
    private static partial Regex Pin();

    /// <summary>The e-mail to <paramref name="to"/> whose subject contains <paramref name="subject"/> (waits for it).</summary>
    public Task<MimeMessage> WaitAsync(string to, string subject) => smtp.WaitForAsync(to, subject, TimeSpan.FromSeconds(30));

    /// <summary>The path and query of the e-mail's link to a page under <c>/objednat/<paramref name="page"/>/</c>.</summary>
    public async Task<string> LinkAsync(string to, string subject, string page)
    {
        var mail = await WaitAsync(to, subject);
        var url = Url().Matches(mail.TextBody ?? "").Select(m => new Uri(m.Value)).First(u => u.AbsolutePath.StartsWith($"/objednat/{page}", StringComparison.Ordinal));
        return url.PathAndQuery;
    }

    public static string PinOf(MimeMessage mail) => Pin().Match(mail.TextBody ?? "").Groups[1].Value;

    /// <summary>How many e-mails to <paramref name="to"/> with <paramref name="subject"/> in the subject were sent so far.</summary>
    public int Count(string to, string subject) =>
        smtp.Messages.Count(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, to, StringComparison.OrdinalIgnoreCase)) && (m.Subject ?? "").Contains(subject, StringComparison.Ordinal));

    public ValueTask DisposeAsync() => smtp.DisposeAsync();
}
