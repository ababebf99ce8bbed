using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>The console's sign-in budgets, shared by every gateway, and the tallies of failed and refused sign-ins for
/// the audit log. An attempt is reserved against all three budgets before its password is checked (all or none, in one
/// step), so parallel guesses, or guesses spread over replicas, get no more checks than the budgets allow; a check that
/// succeeds gives its reservations back.</summary>
public interface ISignInAttempts
{
    /// <summary>Reserves one password check for the name (by its hash) from the source, against the name-from-source,
    /// the source's and the whole console's budgets. A refusal reserves nothing and is counted in the minute's tally.
    /// <see cref="SignInReservation.TallyDue"/> says whether some minute's tally is ready for the audit log.</summary>
    Task<SignInReservation> ReserveAsync(string nameHash, string source, SignInLimits limits, Instant now);

    /// <summary>A checked attempt failed: counted in the minute's tally of the source, under the user's name when
    /// <paramref name="user"/> is a configured user (never a typed name that is nobody's).</summary>
    Task FailedAsync(string source, string? user, Instant now);

    /// <summary>A checked attempt succeeded: the name-from-source budget starts afresh, and the reservation is given back
    /// to the source's and the console's budgets.</summary>
    Task SucceededAsync(string nameHash, string source, SignInLimits limits);

    /// <summary>Takes up to <paramref name="max"/> tallies of minutes that have ended, each leased to this caller for
    /// <paramref name="lease"/> (another gateway takes it after that, if this one never completes it).</summary>
    Task<IReadOnlyList<SignInTally>> ClaimTalliesAsync(Instant now, Duration lease, int max);

    /// <summary>The tally of <paramref name="minute"/> is in the audit log: forget it.</summary>
    Task CompleteTallyAsync(Instant minute);
}
