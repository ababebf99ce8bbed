namespace SmsBooking.SmsSimulator;

/// <summary>Something the simulated phone received: a TwiML reply or an outbound SMS sent through the REST API.</summary>
public sealed record ReceivedSms(string To, string Body, bool Outbound);
