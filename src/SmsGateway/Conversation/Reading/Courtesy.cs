namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>Messages that are only politeness: a thanks (<c>diky moc</c>, <c>dekuji</c>, <c>thank you</c>,
/// <c>дякую</c>) or a greeting (<c>Dobry den</c>, <c>hello</c>). The reader finds nothing in them; the conversation
/// answers them for what they are (a thanks after a booking is no new booking, a greeting at a list is a new talk).</summary>
public static class Courtesy
{
    private static readonly HashSet<string> Thanks =
        ["DIKY", "DIK", "DIKES", "DIKEC", "DEKUJI", "DEKUJU", "DEKUJEME", "THANKS", "THANK", "THX", "TY", "ДЯКУЮ", "СПАСИБІ", "СПАСИБО"];

    private static readonly HashSet<string> Greetings =
        ["DOBRY", "DEN", "DOBREJ", "ZDRAVIM", "AHOJ", "CAU", "HELLO", "HI", "HEY", "ДОБРИИ", "ДЕНЬ", "ДОБРОГО", "ДНЯ", "ПРИВІТ", "ВІТАЮ"];

    /// <summary>Words that go with either and change nothing.</summary>
    private static readonly HashSet<string> Softeners =
        ["MOC", "MOCKRAT", "MNOHOKRAT", "PEKNE", "VAM", "VELICE", "MNOHO", "SUPER", "FAJN", "YOU", "VERY", "MUCH", "SO", "A", "I",
         "PANI", "PANE", "ВАМ", "ДУЖЕ", "І", "ТА"];

    public static bool IsThanks(string? text) => Only(text, Thanks);

    public static bool IsGreeting(string? text) => Only(text, Greetings);

    /// <summary>True when every word is one of <paramref name="kind"/> or a softener, and one at least of the kind.</summary>
    private static bool Only(string? text, HashSet<string> kind)
    {
        var words = InputText.Normalize(text ?? "").Split([' ', ',', '.', '!', ':', ')', '('], StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.Any(kind.Contains) && words.All(w => kind.Contains(w) || Softeners.Contains(w));
    }
}
