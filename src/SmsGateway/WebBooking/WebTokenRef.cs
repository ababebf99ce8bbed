namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>What a link's token names: a reservation and what its holder may do with it.</summary>
public sealed record WebTokenRef(WebTokenRole Role, string ReservationId);
