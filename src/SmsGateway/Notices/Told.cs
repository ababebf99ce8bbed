namespace SmsBooking.SmsGateway.Notices;

/// <summary>How a citizen was told of something the office did to their booking.</summary>
public enum Told
{
    /// <summary>An SMS with a way to book again.</summary>
    Sms,
    /// <summary>An SMS offering a slot held for them: <c>ANO</c> books it.</summary>
    Offer,
    /// <summary>An e-mail (a booking made on the web, which has no phone to text) with a way to book again.</summary>
    Email,
    /// <summary>Not told: the number opted out of SMS.</summary>
    OptedOut,
    /// <summary>Not told: the booking was made by the staff for a caller who gave no number.</summary>
    NoPhone,
    /// <summary>Not told: a web booking's e-mail could not go, the office's e-mail relay is switched off (Email settings),
    /// and the booking has no mobile to text instead. With a mobile the notice goes by SMS (<see cref="Sms"/>).</summary>
    NoMailRelay,
    /// <summary>Told before (the same notice was queued already): no second SMS, no second offer.</summary>
    AlreadyTold,

    /// <summary>Not told: the SMS could not be queued (Redis did not answer in time). Listed so that the staff call the
    /// citizen or make the same closure again (it tells whoever was not told, and nobody twice).</summary>
    Failed,
}
