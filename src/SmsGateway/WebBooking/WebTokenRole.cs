namespace SmsBooking.SmsGateway.WebBooking;

/// <summary>What a token in a link lets its holder do with one web reservation; each role has its own token, so the
/// page a browser is shown after the reservation cannot confirm it (only the e-mail's link can).</summary>
public enum WebTokenRole
{
    /// <summary>The summary the browser is sent to after the reservation: read only.</summary>
    View,

    /// <summary>The e-mailed link whose page's button confirms.</summary>
    Confirm,

    /// <summary>The PIN e-mail's links whose pages' buttons cancel and move.</summary>
    Manage,
}
