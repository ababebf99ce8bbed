using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;

namespace SmsBooking.SmsGateway.Texts;

/// <summary>Czech, the default.</summary>
public sealed class Czech : ConversationTexts
{
    public static readonly Czech Instance = new();

    private static readonly string[] Days = ["", "Po", "Út", "St", "Čt", "Pá", "So", "Ne"];

    public override Language Language => Language.Cs;

    public override string DayLabel(LocalDate day) => $"{Days[(int)day.DayOfWeek]} {Dm(day)}";

    public override string Greeting(IReadOnlyList<string> agendas) =>
        $"Dobrý den, objednání na úřad. Pošlete číslo agendy:\n{Numbered(agendas)}\nEN = English, POMOC = nápověda";

    public override string ChooseAgenda(IReadOnlyList<string> agendas) => $"Pošlete číslo agendy:\n{Numbered(agendas)}";

    public override string ChooseActivity(string agenda, IReadOnlyList<string> activities) =>
        $"{agenda} - pošlete číslo činnosti:\n{Numbered(activities)}\nZPET = zpět";

    public override string ChooseDay(string agenda, IReadOnlyList<LocalDate> days, bool more) =>
        $"{agenda} - vyberte den (číslo nebo datum např. {Dm(days[0])}):\n{Numbered(days.Select(DayLabel))}" + (more ? "\nDALSI = další dny" : "");

    public override string NoFreeDays(string agenda) => $"{agenda}: žádný volný termín v nabízeném období. ZNOVU = menu";

    public override string ChooseTime(LocalDate day, IReadOnlyList<LocalTime> times, bool more) =>
        $"Volné časy {DayLabel(day)} (číslo nebo čas např. {Hm(times[0])}):\n{Numbered(times.Select(Hm))}" + (more ? "\nDALSI = další časy" : "") + "\nZPET = jiný den";

    public override string NoFreeTimes(LocalDate day) => $"{DayLabel(day)} už není volný čas. Vyberte jiný den.";

    public override string AskName(LocalDate day, LocalTime time, LocalTime holdEnds) =>
        $"Termín {DayLabel(day)} {Hm(time)} držíme do {Hm(holdEnds)}. Napište jméno a příjmení:";

    public override string Summary(string agenda, string activity, LocalDate day, LocalTime time, string name, LocalTime holdEnds) =>
        $"Souhrn: {agenda} - {activity}, {DayLabel(day)}{day.Year} {Hm(time)}, {name}. Potvrďte ANO do {Hm(holdEnds)}, jinak termín propadne. ZPET = oprava, STORNO = zrušit";

    public override string Confirmed(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        $"Objednáno. Kod: {b.Code}\n{DayLabel(b.Date)}{b.Date.Year} {Hm(b.Time)}, {agenda}\n{place}\nPIN zadejte v kiosku {Hm(from)}-{Hm(to)}, jindy neplatí.\nPIN: {b.Pin}";

    public override string AlreadyConfirmed(Booking b) =>
        $"Už potvrzeno. Kod: {b.Code}, {DayLabel(b.Date)}{b.Date.Year} {Hm(b.Time)}. PIN: {b.Pin}";

    public override string HoldLapsed() => "Čas na potvrzení vypršel a termín se uvolnil.";

    public override string SlotTaken() => "Tento čas byl právě obsazen.";

    public override string TooManyBookings(int max) =>
        $"Na tuto agendu už máte {max} nadcházející objednávky. MOJE = přehled, STORNO = zrušení.";

    public override string HoldReleased() => "Rezervace termínu zrušena. ZNOVU = nová objednávka.";

    public override string NothingToCancel() => "Nemáte žádnou objednávku ke zrušení. ZNOVU = nová objednávka.";

    public override string ChooseCancellation(IReadOnlyList<string> bookings) =>
        $"Kterou objednávku zrušit? Pošlete číslo:\n{Numbered(bookings)}\nZPET = nic nerušit";

    public override string Cancelled(string code) => $"Objednávka {code} je zrušena. ZNOVU = nová objednávka.";

    public override string UnknownCode(string code) => $"Objednávku {code} nemáte. MOJE = vaše objednávky.";

    public override string MyBookings(IReadOnlyList<string> bookings) =>
        $"Vaše objednávky:\n{string.Join("\n", bookings)}\nSTORNO kod = zrušit";

    public override string NoBookings() => "Nemáte žádnou nadcházející objednávku. ZNOVU = nová objednávka.";

    public override string BookingLine(Booking b, bool withPin) =>
        $"{b.Code} {DayLabel(b.Date)} {Hm(b.Time)} {b.AgendaId}"
        + (b.Status == BookingStatus.CheckedIn ? " odbaveno" : withPin ? $" PIN: {b.Pin}" : "");

    public override string Help() =>
        "Pošlete číslo z nabídky. ZPET = zpět, ZNOVU = od začátku, STORNO = zrušit, MOJE = objednávky, EN = English, STOP = žádné SMS. Rychle: OBJ ZOP 10.8. 14:00 NOVAK, volné časy: VOLNO ZOP";

    public override string QuickOffer(string agenda, LocalDate day, LocalTime time, string name, LocalTime holdEnds, bool requestedWasFree) =>
        (requestedWasFree ? "" : "Požadovaný termín není volný, nejbližší volný: ") +
        $"{agenda}, {DayLabel(day)}{day.Year} {Hm(time)}, {name}. Potvrďte ANO do {Hm(holdEnds)}, odmítněte NE.";

    public override string QuickNothingFree(string agenda, int days) => $"{agenda}: v příštích {days} dnech není volný termín. ZNOVU = nabídka dnů";

    public override string QuickSyntax(string codes) => $"Objednání jednou SMS: OBJ kód [datum] [čas] jméno, např. OBJ ZOP 10.8. 14:00 NOVAK. Kódy: {codes}";

    public override string UnknownAgendaCode(string code, string codes) => $"Neznámý kód agendy {code}. Kódy: {codes}. Např. OBJ ZOP 10.8. 14:00 NOVAK";

    public override string FreeTimes(string agenda, LocalDate day, IReadOnlyList<LocalTime> times) =>
        $"{agenda} volno {DayLabel(day)}: {string.Join(" ", times.Select(Hm))}";

    public override string NoFreeTimesAhead(string agenda) => $"{agenda}: žádný volný termín v nabízeném období.";

    public override string QuickHintConfirm() => "Pošlete ANO pro potvrzení, nebo NE pro odmítnutí.";

    public override string HoldLapsedButStillFree(LocalTime holdEnds) => $"Čas na potvrzení vypršel, termín je ale stále volný a držíme ho do {Hm(holdEnds)}. Potvrďte ANO.";

    public override string TakenMeanwhile() => "Termín byl mezitím obsazen.";

    public override string Declined() => "Termín odmítnut, nic není objednáno. ZNOVU = nová objednávka.";

    public override string InvalidName() => "Napište jméno a příjmení latinkou (2-100 písmen, mezery, pomlčky, tečky).";

    public override string HintNumber(int max) => max == 1 ? "Pošlete číslo 1." : $"Pošlete číslo 1 až {max}.";

    public override string HintDay() => "Pošlete číslo dne ze seznamu nebo datum, např. 15.12.";

    public override string HintTime() => "Pošlete číslo času ze seznamu nebo čas, např. 9:30.";

    public override string HintConfirm() => "Pro potvrzení pošlete ANO, pro opravu ZPET, pro zrušení STORNO.";

    public override string NoMorePages() => "Další už nejsou.";

    public override string TryAgainLater() => "Omlouváme se, systém je chvíli nedostupný. Zkuste to prosím za pár minut znovu. / Please try again in a few minutes.";

    public override string NotSavedTryAgain() => "Omlouváme se, vaši zprávu se teď nepodařilo bezpečně uložit. Pošlete ji prosím za minutu znovu, stejně.";

    public override string TooManyMessages() => "Příliš mnoho zpráv. Počkejte prosím minutu.";

    public override string CountryNotServed() => "Objednání SMS je jen z českých a slovenských čísel. Objednejte se prosím přes web nebo telefonem.";

    public override string LapseNotice(LocalDate day, LocalTime time) =>
        $"Termín {DayLabel(day)} {Hm(time)} nebyl potvrzen a propadl. Pro novou objednávku pošlete ZNOVU.";

    public override string Reminder(Booking b, string agenda, string place, LocalTime from, LocalTime to) =>
        $"Připomínka: {DayLabel(b.Date)} {Hm(b.Time)} {agenda}, {place}. PIN zadejte v kiosku {Hm(from)}-{Hm(to)}. PIN: {b.Pin}";
}
