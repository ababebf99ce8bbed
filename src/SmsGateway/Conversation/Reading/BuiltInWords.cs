namespace SmsBooking.SmsGateway.Conversation.Reading;

/// <summary>The words every office understands alike: keywords, yes and no, parts of the day, picks by place, name
/// introductions and the fillers of polite Czech and English, and the Ukrainian ones a Ukrainian conversation needs
/// (Cyrillic folded the same way: <c>МОЇ</c> is <c>МОІ</c>, <c>добрий</c> is <c>ДОБРИИ</c>). The office's own words (agendas, activities) come from
/// configuration. Folded like input: upper case, no diacritics.</summary>
internal static class BuiltInWords
{
    /// <summary>Each phrase with its meaning; <c>Inflected</c> lets Czech endings and a typo count (see
    /// <see cref="WordMatcher"/>), otherwise the phrase must be written exactly (after folding).</summary>
    public static IEnumerable<(string Phrase, Meaning Meaning, bool Inflected)> All()
    {
        foreach (var (keyword, phrases) in Keywords)
        {
            foreach (var phrase in phrases)
            {
                yield return (phrase, Meaning.Of(keyword), false);
            }
        }
        foreach (var phrase in Yes)
        {
            yield return (phrase, Meaning.Of(Answer.Yes), LooseAnswers.Contains(phrase));
        }
        foreach (var phrase in No)
        {
            yield return (phrase, Meaning.Of(Answer.No), LooseAnswers.Contains(phrase));
        }
        foreach (var (part, phrases) in Parts)
        {
            foreach (var phrase in phrases)
            {
                yield return (phrase, Meaning.Of(part), phrase.Length >= 5);
            }
        }
        foreach (var (number, phrases) in Ordinals)
        {
            foreach (var phrase in phrases)
            {
                yield return (phrase, Meaning.Ordinal(number), false);
            }
        }
        foreach (var phrase in NameIntros)
        {
            yield return (phrase, Meaning.NameIntro, false);
        }
        foreach (var phrase in SelfIntros)
        {
            yield return (phrase, Meaning.SelfIntro, false);
        }
        foreach (var phrase in Fillers)
        {
            yield return (phrase, Meaning.Filler, false);
        }
    }

    /// <summary>The words of every step (docs/conversation-reading.md, "Words for every step") and a few that citizens write for them. A keyword counts only
    /// when it is all the message says (fillers aside): <c>my passport</c> is not <c>MY</c>.</summary>
    private static readonly Dictionary<Keyword, string[]> Keywords = new()
    {
        [Keyword.Back] = ["ZPET", "BACK", "VRATIT", "GO BACK", "НАЗАД"],
        [Keyword.Restart] = ["ZNOVU", "MENU", "RESTART", "OD ZACATKU", "ZACIT ZNOVU", "START OVER", "МЕНЮ", "СПОЧАТКУ", "ПОЧАТИ ЗНОВУ"],
        // CANCEL alone is Twilio's opt-out word, read as such before these; with other words (cancel my booking, I want
        // to cancel) it is not one, and means STORNO.
        // Also inside a sentence (nemuzu prijit, zruste mi to prosim): see MessageReader.Intent.
        [Keyword.Cancel] = ["STORNO", "ZRUSIT", "СКАСУВАТИ", "СКАСУВАННЯ", "CANCEL", "CANCELLATION", "CANCEL MY BOOKING",
            "CANCEL MY APPOINTMENT", "CANCEL MY RESERVATION", "ZRUSTE", "ZRUS", "STORNUJTE", "STORNOVAT", "ZRUSENI OBJEDNAVKY",
            "NEMUZU PRIJIT", "NEMOHU PRIJIT", "NEPRIJDU", "NEDORAZIM", "CAN'T COME", "CANT COME", "CANNOT COME", "СКАСУИТЕ", "НЕ ПРИИДУ"],
        [Keyword.MyBookings] = ["MOJE", "MY", "MOJE REZERVACE", "MOJE TERMINY", "MOJE OBJEDNAVKY", "MY BOOKINGS", "MY APPOINTMENTS", "МОІ", "МОІ ЗАПИСИ"],
        [Keyword.Help] = ["POMOC", "HELP", "INFO", "NAPOVEDA", "NEVIM", "NEROZUMIM", "ДОПОМОГА", "ДОВІДКА", "НЕ РОЗУМІЮ"],
        [Keyword.English] = ["EN", "ENGLISH", "ANGLICKY", "IN ENGLISH"],
        [Keyword.Czech] = ["CZ", "CS", "CESKY", "CZECH", "CESTINA", "IN CZECH"],
        [Keyword.Ukrainian] = ["UA", "UKR", "УКР", "УКРАІНСЬКА", "УКРАІНСЬКОЮ", "UKRAINIAN", "UKRAJINSKY", "UKRAJINSTINA"],
        [Keyword.More] = ["DALSI", "MORE", "NEXT", "JINE", "JINY", "OTHER", "LATER", "ДАЛІ", "ЩЕ", "ПІЗНІШЕ"],
        [Keyword.Queue] = ["FRONTA", "QUEUE", "ЧЕРГА"],
        [Keyword.Move] = ["PRESUN", "PRESUNOUT", "PRESUNTE", "PRELOZIT", "PRELOZTE", "POSUNOUT", "POSUNTE", "MOVE", "RESCHEDULE",
            "ZMENIT TERMIN", "ZMENA TERMINU", "ПЕРЕНЕСТИ", "ПЕРЕНЕСІТЬ"],
        [Keyword.Watch] = ["HLIDAT", "HLIDEJ", "HLIDANI", "WATCH", "WAITLIST"],
    };

    private static readonly string[] Yes =
    [
        "ANO", "JO", "JJ", "JJJ", "JOJO", "OK", "OKAY", "OKEY", "OKI", "OKEJ", "OUKEJ", "POTVRZUJI", "POTVRZUJU", "POTVRDIT",
        "POTVRZUJEME", "POTVRZENO", "SOUHLASIM", "SOUHLAS", "JASNE", "JASNY", "BERU", "PLATI", "DOBRE", "V PORADKU", "NO JO",
        "TAK JO", "NO ANO", "TAK ANO", "YES", "Y", "YEP", "YEAH", "YA", "YUP", "SURE", "CONFIRM", "CONFIRMED", "FINE",
        "ALRIGHT", "ALL RIGHT", "OF COURSE", "SOUNDS GOOD",
        // Ukrainian
        "ТАК", "ТАК ТАК", "ДОБРЕ", "ГАРАЗД", "ПІДТВЕРДЖУЮ", "ЗГОДЕН", "ЗГОДНА", "ЗВІСНО",
    ];

    /// <summary>The answers matched with endings and a typo (<c>potvrzjui</c>, <c>souhlasime</c>); the others only as
    /// written, since <c>potvrzeni o pobytu</c> is one typo from <c>potvrzeno</c> and means something else.</summary>
    private static readonly HashSet<string> LooseAnswers = ["POTVRZUJI", "POTVRZUJU", "SOUHLASIM", "NESOUHLASIM", "NEPOTVRZUJI", "CONFIRM", "NECHCI"];

    private static readonly string[] No =
    [
        "NE", "NEE", "NECHCI", "NEHODI", "NEHODI SE", "NESOUHLASIM", "NEPOTVRZUJI", "NEMUZU", "RADSI NE", "TAK NE", "NO", "NOPE",
        "NAH", "N", "НІ", "НЕ ХОЧУ", "НЕ ПІДХОДИТЬ",
    ];

    private static readonly Dictionary<PartOfDay, string[]> Parts = new()
    {
        [PartOfDay.Early] = ["RANO", "RANKO", "BRZY RANO", "BRZO RANO", "Z RANA", "BRZY", "BRZO", "EARLY", "EARLY MORNING", "ЗРАНКУ", "ВРАНЦІ"],
        [PartOfDay.Morning] = ["DOPOLEDNE", "DOPO", "PRED OBEDEM", "PRED POLEDNEM", "MORNING", "BEFORE NOON", "BEFORE LUNCH", "AM", "ДО ОБІДУ"],
        [PartOfDay.Afternoon] = ["ODPOLEDNE", "ODPO", "PO OBEDE", "PO OBEDU", "PO POLEDNI", "AFTERNOON", "AFTER LUNCH", "PM", "ПІСЛЯ ОБІДУ", "ПО ОБІДІ", "ПООБІДІ"],
        [PartOfDay.Late] = ["VECER", "NAVECER", "PODVECER", "POZDE ODPOLEDNE", "POZDEJI ODPOLEDNE", "LATE AFTERNOON", "EVENING", "ВВЕЧЕРІ", "УВЕЧЕРІ"],
    };

    private static readonly Dictionary<int, string[]> Ordinals = new()
    {
        [1] = ["PRVNI", "JEDNICKA", "JEDNICKU", "FIRST"],
        [2] = ["DRUHY", "DRUHA", "DRUHOU", "DRUHE", "DVOJKA", "DVOJKU", "SECOND"],
        [3] = ["TRETI", "TROJKA", "TROJKU", "THIRD"],
        [4] = ["CTVRTY", "CTVRTA", "CTVRTOU", "CTYRKA", "CTYRKU", "FOURTH"],
        [5] = ["PATY", "PATA", "PATOU", "PETKA", "PETKU", "FIFTH"],
        [6] = ["SESTY", "SESTA", "SESTOU", "SESTKA", "SESTKU", "SIXTH"],
    };

    private static readonly string[] NameIntros =
    [
        "JMENUJI SE", "JMENUJU SE", "JMENUJI", "JMENUJU", "JMENO", "JMENO A PRIJMENI", "MOJE JMENO JE", "MOJE JMENO", "NA JMENO",
        "JMENO JE", "MY NAME IS", "MY NAME", "NAME", "NAME IS", "MY NAME'S",
    ];

    private static readonly string[] SelfIntros = ["JSEM", "I AM", "I'M", "IM", "THIS IS"];

    /// <summary>Words that carry no booking meaning. A run of words none of which is known may be a name; these are
    /// known so that <c>chtel bych prosim</c> never is.</summary>
    private static readonly string[] Fillers =
    [
        // Czech
        "DOBRY DEN", "DOBRY", "DOBREJ", "DEN", "ZDRAVIM", "AHOJ", "CAU", "DEKUJI", "DEKUJU", "DEKUJEME", "DIKY", "DIK", "PROSIM",
        "PROSIL", "PROSILA", "CHCI", "CHTEL", "CHTELA", "CHTELI", "CHTEL BYCH", "CHTELA BYCH", "BYCH", "BYCHOM", "BY", "POTREBUJI",
        "POTREBUJU", "POTREBOVAL", "POTREBOVALA", "POTREBUJEME", "MOHU", "MUZU", "MUZETE", "MOHL", "MOHLA", "MOHLI", "SI", "SE",
        "MI", "ME", "MNE", "MNOU", "NAM", "OBJEDNAT", "OBJEDNANI", "OBJEDNAVKA", "OBJEDNAVKU", "OBJEDNAVKY", "REZERVACE",
        "REZERVACI", "REZERVOVAT", "TERMIN", "TERMINU", "TERMINY", "CAS", "CASY", "NA", "K", "KE", "DO", "O", "V", "VE", "Z", "ZE",
        "S", "U", "ZA", "PRO", "PRI", "A", "I", "ALE", "NEBO", "JE", "JSOU", "JE TO", "TO", "TEN", "TU", "TA", "TY", "TEDY",
        "TAK", "UZ", "JESTE", "TAKY", "TAKE", "JEN", "JENOM", "KDYZ", "KDY", "KDYBY", "JESTLI", "POKUD", "MOZNA", "MOZNO",
        "IDEALNE", "NEJLEPE", "NEJRADSI", "RADSI", "NEJAKY", "NEJAKOU", "NEJAKE", "VOLNY", "VOLNOU", "VOLNE", "VOLNO",
        "MUJ", "MOJI", "MOJEHO", "SVUJ", "SVOJI", "SVOU", "VAS", "VAM", "VASE", "URAD", "URADE", "URADU", "PANI", "PANE", "CISLO",
        "C", "MOZNOST", "VOLBA", "VOLBU", "HODI", "HODILO", "SLO", "JDE", "PROSIME", "DIKEC", "DIKES", "KOD", "KODEM", "HNED",
        "CO", "HO", "JI", "MOC", "DNY", "DNI", "DATUM", "NEJDRIV", "NEJDRIVE", "NEJBLIZSI", "NEJDRIVEJSI", "NEJAK", "KDYKOLIV", "KDYKOLI", "TREBA",
        // English
        "PLEASE", "PLS", "PLZ", "THANKS", "THANK", "THANK YOU", "YOU", "THX", "HI", "HELLO", "HEY", "DEAR", "I", "I'D", "ID LIKE",
        "WOULD", "LIKE", "WANT", "NEED", "TO", "BOOK", "BOOKING", "AN", "A", "THE", "FOR", "APPOINTMENT", "SLOT", "TIME",
        "ON", "AT", "IN", "IS", "IT", "CAN", "COULD", "GET", "ME", "OF", "AND", "OR", "SOME", "ANY", "IF", "POSSIBLE", "ASAP",
        "PREFERABLY", "MAYBE", "PERHAPS", "CODE", "NUMBER", "OPTION", "NR", "THAT", "THIS ONE", "ONE", "DAY", "GOOD",
        "JUST", "ALSO", "MAKE", "RESERVE", "RESERVATION", "HAVE", "DO", "FREE",
        // Ukrainian
        "ДОБРИИ ДЕНЬ", "ДОБРОГО ДНЯ", "ПРИВІТ", "ДЯКУЮ", "БУДЬ ЛАСКА", "ПРОШУ", "ХОЧУ", "ХОТІВ БИ", "ХОТІЛА Б", "МЕНІ", "ПОТРІБНО",
        "ТРЕБА", "ЗАПИСАТИСЯ", "ЗАПИСАТИСЬ", "ЗАПИС", "НА", "В", "У", "О", "ОБ", "З", "І", "ТА", "ДО", "ДЛЯ", "ЧАС", "ТЕРМІН",
    ];
}
