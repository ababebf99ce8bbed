namespace SmsBooking.SmsGateway.Kiosk;

/// <summary>Endpoint metadata: the role a key needs for this endpoint. An endpoint of the group without it accepts no
/// key at all.</summary>
public sealed record KioskRoleRequirement(KioskRole Role);
