using SmsBooking.SmsGateway.Sms;

namespace SmsBooking.SmsGateway.Tests.Conversations;

/// <summary>What a Ukrainian SMS must be, for the fast layer's <c>Fast.UkrainianConversationTests</c> and the host's
/// <c>Conversation.UkrainianConversationTests</c>.</summary>
public static class UkrainianSms
{
    /// <summary>UCS-2 (Cyrillic) within 3 segments: 201 characters.</summary>
    public static void AssertUkrainianSms(string text)
    {
        Assert.False(SmsEncoding.IsGsm7(text), text);
        Assert.True(text.Length <= 201, $"{text.Length} characters: {text}");
        Assert.Matches(@"\p{IsCyrillic}", text);
    }
}
