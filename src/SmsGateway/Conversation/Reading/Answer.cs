namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A yes or a no, in any of the ways people write them (docs/conversation-reading.md, "Yes and no").</summary>
public enum Answer
{
    None,
    Yes,
    No,
}
