using NodaTime;

namespace SmsBooking.SmsGateway.Staff;

/// <summary>One minute's failed and refused sign-ins, per source: <see cref="Sources"/> by source key.</summary>
public sealed record SignInTally(Instant Minute, IReadOnlyDictionary<string, SourceTally> Sources);
