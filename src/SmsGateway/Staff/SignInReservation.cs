namespace SmsBooking.SmsGateway.Staff;

/// <summary>What <see cref="ISignInAttempts.ReserveAsync"/> decided, and whether a minute's tally waits for the audit log.</summary>
public readonly record struct SignInReservation(SignInRefusal Refusal, bool TallyDue)
{
    public bool Reserved => Refusal == SignInRefusal.None;
}
