namespace SmsBooking.SmsGateway.Twilio;

/// <summary>Twilio's refusals that are about this gateway's own account, credentials or sender, whatever the message:
/// every message would be refused the same way, so the sender keeps them all and pauses, and readiness names the
/// account.</summary>
/// <remarks>Only these: a 4xx that is neither here nor in <see cref="RecipientErrors"/> (21266 To equals From, 21608 an
/// unverified number on a trial account, 21606 a sender that cannot reach one destination, …) is about one message,
/// and pausing the whole outbox for it would let one bad message stall every other. Codes:
/// https://www.twilio.com/docs/api/errors.</remarks>
public static class AccountErrors
{
    private static readonly HashSet<int> Codes =
    [
        20003, // authentication failed: a wrong or rotated Twilio:AuthToken (or AccountSid)
        20005, // the account is not active: suspended, closed, out of funds, a trial never activated
        20008, // the resource is not reachable with test credentials: the live AuthToken is missing
        21212, // the 'From' number is not valid: Twilio:From is wrong
        21601, // the 'From' number is not an SMS-capable number of this account
        21660, // the 'From' number does not belong to the account of these credentials
    ];

    /// <summary>20404: the resource was not found. On a 404 it is the account's own Messages resource, so the
    /// AccountSid is wrong (every POST goes to one URL under it).</summary>
    public const int NotFound = 20404;

    /// <summary>True when an answer of <paramref name="httpStatus"/> with <paramref name="code"/> refuses our account,
    /// not one message: every 401, the codes above, and 20404 with a 404.</summary>
    public static bool IsAccountLevel(int httpStatus, int? code) =>
        httpStatus == 401 || (code is { } c && (Codes.Contains(c) || (c == NotFound && httpStatus == 404)));
}
