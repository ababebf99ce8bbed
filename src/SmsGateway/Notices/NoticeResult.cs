using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Holds;

namespace SmsBooking.SmsGateway.Notices;

/// <summary>What one citizen was told about <paramref name="Booking"/>, and the slot held for them when it was an offer.</summary>
public sealed record NoticeResult(Booking Booking, Told Told, Hold? Offered = null)
{
    public bool WasTold => Told is Told.Sms or Told.Offer or Told.Email or Told.AlreadyTold;
}
