using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>The sentence a page shows for an outcome that is not success.</summary>
public static class WebMessages
{
    /// <param name="party">The party size the step was for.</param>
    public static string Of(WebTexts t, WebOutcome outcome, BookingOptions options, int party = 1) => outcome switch
    {
        WebOutcome.NoRoomForParty => t.Format("NoRoomForParty", ("party", party)),
        WebOutcome.SlotFull => t["SlotFull"],
        WebOutcome.TooManyBookings => t.Format("TooManyBookings", ("max", options.MaxUpcomingPerAgenda)),
        WebOutcome.TooManyPlaces => t.Format("TooManyPlaces", ("max", options.MaxPlacesPerPhone)),
        WebOutcome.Lapsed => t["Lapsed"],
        WebOutcome.AlreadyConfirmed => t["AlreadyConfirmed"],
        WebOutcome.NotActive => t["NotActive"],
        WebOutcome.UnknownLink => t["UnknownLink"],
        WebOutcome.Off => t["Off503"],
        _ => t["NotOffered"],
    };
}
