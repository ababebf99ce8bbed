namespace SmsBooking.SmsGateway.Staff;

/// <summary>One source's sign-ins in a minute: the checks that failed (<see cref="ByUser"/>: those of configured users,
/// by name; the rest were names nobody has) and the attempts refused without a check.</summary>
public sealed record SourceTally(long Wrong, long Refused, IReadOnlyDictionary<string, long> ByUser)
{
    public long Total => Wrong + Refused;

    public long UnknownNames => Wrong - ByUser.Values.Sum();
}
