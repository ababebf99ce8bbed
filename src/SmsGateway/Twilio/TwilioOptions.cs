namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Twilio credentials and endpoints, under <c>Twilio</c>.</summary>
public sealed class TwilioOptions
{
    public const string SectionName = "Twilio";

    public string AccountSid { get; set; } = "";

    /// <summary>REST password and the key of webhook signatures. Never logged.</summary>
    public string AuthToken { get; set; } = "";

    public string From { get; set; } = "";

    public string MessagingServiceSid { get; set; } = "";

    public string ApiBaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>The public <c>scheme://host[:port]</c> Twilio calls; empty: the request's own URL.</summary>
    public string PublicBaseUrl { get; set; } = "";

    public bool ValidateSignatures { get; set; } = true;

    /// <summary>Outbound messages per second for all gateway instances together (a long code sends 1).</summary>
    public double MaxMessagesPerSecond { get; set; } = 1;

    public string StatusCallbackPath { get; set; } = "/sms/status";
}
