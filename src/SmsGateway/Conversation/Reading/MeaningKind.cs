namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>What kind of thing a known word says.</summary>
internal enum MeaningKind
{
    /// <summary>Politeness and glue (<c>prosim</c>, <c>chtel bych</c>, <c>na</c>): understood, but says nothing.</summary>
    Filler,
    Keyword,
    Answer,
    Agenda,
    Activity,
    PartOfDay,
    /// <summary><c>prvni</c>, <c>druhy</c>, <c>first</c>: a pick from the list by its place.</summary>
    Ordinal,
    /// <summary><c>jmenuji se</c>, <c>my name is</c>: a name follows.</summary>
    NameIntro,
    /// <summary><c>jsem</c>, <c>I am</c>: a name follows, but only at the start of a message at the name step (elsewhere
    /// <c>ztratil jsem obcanku</c> would read as a name).</summary>
    SelfIntro,
    /// <summary><c>co nejdriv</c>, <c>kdykoli</c>, <c>asap</c>: said alone, the earliest free time will do; in a longer
    /// message as good as a filler.</summary>
    Earliest,
}
