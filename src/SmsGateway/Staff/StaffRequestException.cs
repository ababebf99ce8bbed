namespace SmsBooking.SmsGateway.Staff;

/// <summary>A staff request that cannot be carried out as asked; the message names the field and the rule, for a 400 or
/// the console's form (e.g. <c>reason: 1 to 60 characters on one line</c>).</summary>
public sealed class StaffRequestException(string message) : Exception(message);
