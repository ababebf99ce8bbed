namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>How well a typed word meets a known one; a better match wins over a worse one of the same length.</summary>
internal enum MatchQuality : byte
{
    None,
    /// <summary>One letter wrong, missing, extra or two swapped (<c>obcamka</c>, <c>zirta</c>).</summary>
    Typo,
    /// <summary>The same word with another Czech ending (<c>obcanku</c>, <c>pasu</c>, <c>cestovniho</c>).</summary>
    Inflected,
    Exact,
}
