namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary><c>PRESUN</c> alone moves the phone's booking (or lists them); a booking code after it names the one; a
/// day, a time or a part of the day after it (<c>PRESUN K7M3QX zitra v 10</c>, <c>move to friday</c>) are read as at
/// the day step and wait for their steps; an agenda or activity after it (<c>PRESUN pas na utery</c>, without a code)
/// says which of several bookings. Anything else after it is not read (no name: the booking keeps its own). The first word is a head of <c>Move</c> in the lexicon.</summary>
internal sealed class MoveForm(FormWords words) : IMessageForm
{
    private readonly HashSet<string> _heads = words.HeadsOf(Keyword.Move);

    public MessageReading? Read(FormMessage message)
    {
        if (!_heads.Contains(message.Head))
        {
            return null;
        }
        var context = message.Context;
        string? code = null;
        var restFrom = 1;
        if (message.Words.Count > 1 && message.Word(1) is var second && FormWords.IsBookingCode(second) && !words.IsKnown(second, context.Today))
        {
            code = second;
            restFrom = 2;
        }
        if (message.Words.Count <= restFrom)
        {
            return new MessageReading { Keyword = Keyword.Move, BookingCode = code };
        }
        var scan = new MessageScan(Tokenizer.Split(message.From(restFrom), words.Lexicon.IsCode), context with { Step = ConversationState.ChoosingDay }, words.Lexicon);
        var (agenda, activity) = MessageReader.ResolveOffice(scan.OfficeHits, null); // PRESUN pas na utery: the passport booking
        return new MessageReading
        {
            Keyword = Keyword.Move,
            BookingCode = code,
            Agenda = code is null ? agenda : null,
            Activity = code is null ? activity : null,
            Days = scan.Days,
            Time = scan.Time is { } time ? MessageReader.Resolve(time, scan.Part) : null,
            PartOfDay = scan.Part,
        };
    }
}
