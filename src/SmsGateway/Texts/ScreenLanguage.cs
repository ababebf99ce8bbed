namespace SmsBooking.SmsGateway.Texts;

/// <summary>The languages of the office's screens: Czech, and one tap away English, Ukrainian and Vietnamese (the
/// largest groups of foreigners a Czech town hall serves).</summary>
public enum ScreenLanguage
{
    Cs,
    En,
    Uk,
    Vi,
}
