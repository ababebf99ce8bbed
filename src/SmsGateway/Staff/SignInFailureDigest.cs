using NodaTime;
using SmsBooking.BookingCore.Audit;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Writes the failed and refused sign-ins to the audit log as counts, one entry per source and minute (at most
/// <see cref="SourcesPerMinute"/> sources a minute by count, the rest in one entry), naming configured users only: a
/// password typed into the name field never lands in the log. Runs when a sign-in attempt finds a minute due and before
/// the audit log is read, so the log a clerk reads is complete; every gateway may run it, a minute is leased to one.</summary>
public sealed class SignInFailureDigest(ISignInAttempts attempts, IAuditLog audit, IClock clock)
{
    public const string Action = "signin-failed";
    public const int SourcesPerMinute = 20;
    private const int MinutesPerClaim = 10;
    private static readonly Duration Lease = Duration.FromMinutes(1);

    /// <summary>Writes every minute that is due; returns the entries written.</summary>
    public async Task<int> WriteDueAsync()
    {
        var written = 0;
        while (true)
        {
            var tallies = await attempts.ClaimTalliesAsync(clock.GetCurrentInstant(), Lease, MinutesPerClaim);
            foreach (var tally in tallies)
            {
                foreach (var entry in Entries(tally))
                {
                    await audit.WriteAsync(entry);
                    written++;
                }
                await attempts.CompleteTallyAsync(tally.Minute);
            }
            if (tallies.Count < MinutesPerClaim)
            {
                return written;
            }
        }
    }

    /// <summary>A minute's entries: the busiest sources one each, then the rest together.</summary>
    public static IEnumerable<AuditEntry> Entries(SignInTally tally)
    {
        var sources = tally.Sources.OrderByDescending(s => s.Value.Total).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
        foreach (var (source, counts) in sources.Take(SourcesPerMinute))
        {
            yield return new AuditEntry(tally.Minute, source, Action, Describe(counts));
        }
        var rest = sources.Skip(SourcesPerMinute).Select(s => s.Value).ToList();
        if (rest.Count > 0)
        {
            var users = rest.SelectMany(r => r.ByUser).GroupBy(u => u.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(u => u.Value));
            var together = new SourceTally(rest.Sum(r => r.Wrong), rest.Sum(r => r.Refused), users);
            yield return new AuditEntry(tally.Minute, $"{rest.Count} other addresses", Action, Describe(together));
        }
    }

    /// <summary><c>7 wrong (petra 2, 5 unknown names), 40 refused without a check</c>, within the minute of the entry.</summary>
    private static string Describe(SourceTally t)
    {
        var parts = t.ByUser.OrderBy(u => u.Key, StringComparer.Ordinal).Select(u => $"{u.Key} {u.Value}").ToList();
        if (t.UnknownNames > 0)
        {
            parts.Add(t.UnknownNames == 1 ? "1 unknown name" : $"{t.UnknownNames} unknown names");
        }
        var wrong = t.Wrong > 0 ? $"{t.Wrong} wrong ({string.Join(", ", parts)})" : null;
        var refused = t.Refused > 0 ? $"{t.Refused} refused without a check" : null;
        return string.Join(", ", new[] { wrong, refused }.Where(p => p is not null)) + " in this minute";
    }
}
