using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>One console session as the server keeps it: who, how they signed in (<c>password</c> or <c>directory</c>),
/// the fingerprint of the credential it was opened with (<see cref="StaffSessions.Fingerprint"/>), and when it began.</summary>
public sealed record StaffSession(string Id, string Name, string Method, string Fingerprint, Instant Started);
