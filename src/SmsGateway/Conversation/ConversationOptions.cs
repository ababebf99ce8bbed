namespace SmsBooking.SmsGateway.Conversation;

/// <summary>How the conversation talks, under <c>Conversation</c>.</summary>
public sealed class ConversationOptions
{
    public const string SectionName = "Conversation";

    /// <summary>A conversation untouched this long starts fresh.</summary>
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a phone's handled MessageSids are remembered: a captured webhook (a signed <c>START</c> or
    /// <c>ANO</c>) replayed within this time is answered with nothing. Twilio's signature carries no timestamp, so this
    /// memory is the replay protection.</summary>
    public TimeSpan ReplayMemory { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The office's own wording: <c>Conversation:Texts:cs:Greeting</c> replaces the shipped Czech greeting
    /// (<c>src/SmsGateway/Texts/Czech.resx</c> lists every name). An override uses exactly the shipped text's
    /// placeholders; anything else stops start-up naming the key.</summary>
    public Dictionary<string, Dictionary<string, string>> Texts { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The office's own words, added to the shipped lexicon (<c>src/SmsGateway/Conversation/Reading/Words/*.json</c>):
    /// <c>Conversation:Words:cs:Cancel:0 = odhlasit</c> reads <c>odhlasit</c> as STORNO. A word that means something else
    /// already, an empty word or an unknown meaning stops start-up naming the key (docs/conversation-reading.md, "The
    /// lexicon").</summary>
    public Dictionary<string, Dictionary<string, List<string>>> Words { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Czech with diacritics makes every SMS UCS-2 (70 characters a segment); off by default.</summary>
    public bool UseDiacritics { get; set; }

    /// <summary>The office's telephone, said by POMOC / HELP (empty: not said). At most 20 characters of digits, spaces
    /// and a leading +.</summary>
    public string OfficePhone { get; set; } = "";

    public int DaysPerPage { get; set; } = 6;

    public int TimesPerPage { get; set; } = 12;

    /// <summary>How long a second message of the same phone waits for the first to finish.</summary>
    public TimeSpan LeaseWait { get; set; } = TimeSpan.FromSeconds(8);

    /// <summary>A lease is given up by itself after this long, should its holder die.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>After answering a message, the gateway keeps the phone's lease warm this long (at most
    /// <see cref="IdleExpiry"/>) with the snapshot it saved, so that the phone's next message needs no round trip to
    /// open (docs/redis.md, "A warm lease"); zero turns it off. Anything else that opens the phone takes a warm lease,
    /// and the warm step then begins again from what is stored.</summary>
    public TimeSpan KeepWarm { get; set; } = TimeSpan.FromMinutes(2);
}
