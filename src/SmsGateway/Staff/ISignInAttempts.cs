using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>Wrong passwords counted per console name, shared by every gateway, taken before the password is checked:
/// parallel guesses (or guesses spread over replicas) all count, so a name gets at most
/// <see cref="StaffSignIn.MaxFailures"/> checks a window.</summary>
public interface ISignInAttempts
{
    /// <summary>Counts one more attempt for the name within <paramref name="window"/> (from its first) and returns the
    /// count including this one; the caller checks the password only while it is at most the limit.</summary>
    Task<long> ReserveAsync(string nameHash, Duration window);

    /// <summary>Forgets the name's attempts: it signed in.</summary>
    Task ClearAsync(string nameHash);
}
