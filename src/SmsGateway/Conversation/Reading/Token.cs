namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>One word or number of a message: its folded text (<see cref="InputText"/>) and where it stands in the text
/// as typed, so that a name is cut from what the citizen wrote, diacritics and capitals kept.</summary>
/// <param name="Break">A comma, a full stop after a word, a colon or the like stands before it: a name or a phrase does
/// not run across it.</param>
internal readonly record struct Token(string Text, int Start, int End, bool Break)
{
    public bool IsNumber => Text.Length > 0 && char.IsAsciiDigit(Text[0]);

    public bool IsWord => Text.Length > 0 && char.IsLetter(Text[0]);

    /// <summary>1 to 3 digits, perhaps with a full stop (<c>2</c>, <c>2.</c>): what a citizen sends to pick from a list.</summary>
    public bool IsPlainNumber(out int value)
    {
        var digits = Text.TrimEnd('.');
        value = 0;
        return digits.Length is >= 1 and <= 3 && digits.All(char.IsAsciiDigit) && int.TryParse(digits, out value);
    }
}
