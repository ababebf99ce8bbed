namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What a token turned out to be once the message was read.</summary>
internal enum TokenRole
{
    /// <summary>Not a known word: perhaps a name, perhaps noise.</summary>
    Unknown,
    /// <summary>A number no rule took (perhaps a pick from the list).</summary>
    Number,
    Filler,
    Keyword,
    /// <summary><c>jmenuji se</c> and the like.</summary>
    Intro,
    /// <summary>Part of something understood: a day, a time, an agenda, a yes.</summary>
    Meaning,
}
