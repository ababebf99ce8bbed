namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>A one-message form (<c>OBJ</c>, <c>VOLNO</c>, <c>STORNO</c>, <c>PRESUN</c>, <c>HLIDAT</c>): read when the
/// message's first word starts it, before the general reading (<see cref="MessageReader"/> tries them in order; the
/// first that reads the message wins). docs/conversation-reading.md, "One-message forms".</summary>
internal interface IMessageForm
{
    /// <summary>The reading, or null when the message is not this form (then the next form, or the general reading,
    /// reads it).</summary>
    MessageReading? Read(FormMessage message);
}

/// <summary>A message as the forms see it: as typed, its whitespace-separated words, and the first one folded.</summary>
internal sealed record FormMessage(string Raw, List<(int Start, int End)> Words, ReadingContext Context)
{
    /// <summary>The first word, folded, without the punctuation that may follow it (<c>STORNO:</c>).</summary>
    public string Head { get; } = InputText.Normalize(Raw[Words[0].Start..Words[0].End]).TrimEnd('.', ':', '!', ',');

    /// <summary>Word <paramref name="k"/>, folded, without the punctuation around it.</summary>
    public string Word(int k) => InputText.Normalize(Raw[Words[k].Start..Words[k].End]).Trim('.', ',', '!', '?', ':');

    /// <summary>The message from word <paramref name="k"/> on, as typed.</summary>
    public string From(int k) => Raw[Words[k].Start..];
}
