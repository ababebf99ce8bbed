using SmsBooking.BookingCore.Holds;

namespace SmsBooking.SmsGateway.Notices;

/// <summary>What a citizen whose document is ready was told: an SMS with the pickup slot held for them
/// (<see cref="Told.Offer"/>), one with how to book it (<see cref="Told.Sms"/>), or nothing (opted out, no phone).</summary>
/// <param name="ApplicationCode">The code of the application visit the staff named, when they named one.</param>
public sealed record ReadyResult(string Phone, string AgendaId, Told Told, Hold? Offered = null, string? ApplicationCode = null)
{
    public bool WasTold => Told is Told.Sms or Told.Offer or Told.Email or Told.AlreadyTold;
}
