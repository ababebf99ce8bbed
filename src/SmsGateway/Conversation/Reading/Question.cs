namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A question about the office asked at any step (<c>v kolik otevirate?</c>, <c>kolik to stoji?</c>): the
/// conversation answers it from configuration and then asks its step again (docs/conversation-reading.md,
/// "Questions about the office").</summary>
public enum Question
{
    None,
    /// <summary><c>v kolik otevirate?</c>, <c>opening hours?</c>: <c>Office:Hours</c>.</summary>
    Hours,
    /// <summary><c>kde sidlite?</c>, <c>where are you</c>: <c>Office:Place</c>.</summary>
    Address,
    /// <summary><c>co mam vzit s sebou?</c>: the activity's <c>Bring</c>.</summary>
    Bring,
    /// <summary><c>kolik to stoji?</c>, <c>how much</c>: the activity's <c>Fee</c>.</summary>
    Fee,
    /// <summary><c>je tam ted hodne lidi?</c>: the queue now, as <c>FRONTA</c> answers.</summary>
    Queue,
}
