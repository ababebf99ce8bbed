namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary><c>STORNO</c> alone cancels what is under way or lists the bookings; <c>STORNO K7M3QX</c> cancels that
/// booking (whatever follows STORNO is taken for the code); another head of <c>Cancel</c> (<c>ZRUSIT</c>,
/// <c>СКАСУВАТИ</c>) takes only a booking code, so that <c>zrusit trvaly pobyt</c> stays the population register's
/// activity.</summary>
internal sealed class CancelForm(FormWords words) : IMessageForm
{
    /// <summary>The form's own name: whatever follows it is the booking's code.</summary>
    private const string Name = "STORNO";

    private readonly HashSet<string> _heads = words.HeadsOf(Keyword.Cancel);

    public MessageReading? Read(FormMessage message)
    {
        if (!_heads.Contains(message.Head))
        {
            return null;
        }
        var rest = Enumerable.Range(1, message.Words.Count - 1).Select(message.Word).Where(w => w.Length > 0 && !words.IsFiller(w)).ToList();
        if (rest.Count == 0)
        {
            return new MessageReading { Keyword = Keyword.Cancel };
        }
        if (message.Head == Name)
        {
            return new MessageReading { Keyword = Keyword.Cancel, BookingCode = string.Join(' ', rest) };
        }
        return rest.Count == 1 && FormWords.IsBookingCode(rest[0]) ? new MessageReading { Keyword = Keyword.Cancel, BookingCode = rest[0] } : null;
    }
}
