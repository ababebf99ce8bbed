namespace SmsBooking.SmsGateway.Screens;

/// <summary>What became of a pairing form's post (<see cref="ScreenDevices.PairAsync"/>).</summary>
public enum PairOutcome
{
    Paired,

    /// <summary>An unknown key, a key of another role, or a counter key without a name and no counter: one answer for all.</summary>
    Refused,

    /// <summary>The source address has used up its failed pairings (<c>Screens:PairingAttempts</c> a <c>PairingWindow</c>).</summary>
    Throttled,
}
