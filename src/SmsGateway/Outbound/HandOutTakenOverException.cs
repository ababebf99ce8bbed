namespace SmsBooking.SmsGateway.Outbound;

/// <summary>Thrown before a POST when another sender has taken the message over: the attempt must not be made.</summary>
public sealed class HandOutTakenOverException() : Exception("another sender took the message over");
