using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>Every text of every language's resource file, filled with the longest values the office's configuration
/// and a 100-character name allow, stays plain GSM-7 and within 2 segments; so does every reply that joins texts.</summary>
public class ReplySizeTests
{
    private static readonly OfficeSettings Office = TestOffice.Trutnov();
    private static readonly ConversationOptions Options = new();
    private static readonly string LongName = ("Marie-Antonie Žofie Ďáblová-" + new string('Ř', 100))[..100];
    /// <summary>The largest party <c>Booking:MaxPartySize</c> allows: its label is the longest.</summary>
    private const int LargestParty = 10;

    private static readonly string LongestCode = Office.Agendas.SelectMany(a => a.Codes).MaxBy(c => c.Length)!;

    public static TheoryData<Language> Languages => new() { Language.Cs, Language.En, Language.Uk };

    private static IEnumerable<(string Template, string Text)> AllReplies(ConversationTexts t)
    {
        var l = t.Language;
        var agendas = Office.Agendas.Select(a => a.Name.In(l)).ToList();
        var longestAgenda = agendas.MaxBy(a => a.Length)!;
        var longestActivity = Office.Agendas.SelectMany(a => a.Activities).Select(a => a.Name.In(l)).MaxBy(a => a.Length)!;
        var mostActivities = Office.Agendas.MaxBy(a => a.Activities.Count)!;
        var days = Enumerable.Range(0, Options.DaysPerPage).Select(i => new LocalDate(2026, 12, 14).PlusDays(i)).ToList();
        var times = Enumerable.Range(0, Options.TimesPerPage).Select(i => new LocalTime(10, 0).PlusMinutes(15 * i)).ToList();
        var day = new LocalDate(2026, 12, 30);
        var time = new LocalTime(16, 45);
        var booking = new Booking("K7M3QX", "123456", "+420601123456", LongName, "EO", "zruseni", day, time,
            Instant.FromUtc(2026, 12, 30, 15, 45), Instant.FromUtc(2026, 12, 1, 10, 0), "h");
        var place = Office.Place.In(l);
        // The most a phone can hold: 2 upcoming bookings per agenda, each marked checked in (the longest line).
        var lines = Enumerable.Range(0, 2 * Office.Agendas.Count).Select(_ => t.BookingLine(booking with { Status = BookingStatus.CheckedIn }, withPin: true)).ToList();

        yield return ("Greeting", t.Greeting(agendas));
        yield return ("ChooseAgenda", t.HintNumber(agendas.Count) + "\n" + t.ChooseAgenda(agendas));
        yield return ("ChooseActivity", t.HintNumber(9) + "\n" + t.ChooseActivity(longestAgenda, mostActivities.Activities.Select(a => a.Name.In(l)).ToList()));
        yield return ("ChooseDay", t.NoFreeTimes(day) + "\n" + t.HintDay() + "\n" + t.ChooseDay(longestAgenda, days, more: true));
        yield return ("NoFreeDays", t.NoFreeDays(longestAgenda));
        yield return ("OfficeClosed+ChooseDay", t.OfficeClosed(day) + "\n" + t.ChooseDay(longestAgenda, days, more: true));
        yield return ("NotYetBookable+ChooseDay", t.NotYetBookable(day, day) + "\n" + t.ChooseDay(longestAgenda, days, more: true));
        yield return ("ChooseTime", t.HoldLapsed() + "\n" + t.HintTime() + "\n" + t.ChooseTime(day, times, more: true));
        yield return ("ChooseTime+more", t.NoMorePages() + "\n" + t.ChooseTime(day, times, more: true));
        yield return ("AskName", t.AskName(day, time, time, LargestParty));
        yield return ("HintConfirm", t.HintConfirm());
        yield return ("Summary", t.Summary(longestAgenda, longestActivity, day, time, LongName, time, LargestParty));
        yield return ("Confirmed", t.Confirmed(booking with { Places = [.. Enumerable.Repeat(time, LargestParty)] }, longestAgenda, place, time, time));
        yield return ("PartyTooLarge", t.PartyTooLarge(LargestParty));
        yield return ("PartyNotOffered", t.PartyTooLarge(1));
        yield return ("AlreadyConfirmed", t.AlreadyConfirmed(booking));
        yield return ("TooManyBookings", t.TooManyBookings(2));
        yield return ("TooManyPlaces", t.TooManyPlaces(999, 1000));
        yield return ("HoldReleased", t.HoldReleased());
        yield return ("NothingToCancel", t.NothingToCancel());
        yield return ("ChooseCancellation", t.ChooseCancellation(lines.Select(_ => t.BookingLine(booking, withPin: false)).ToList()));
        // STORNO at the name or the summary after the hold ran out: said, then the bookings to cancel (or none).
        yield return ("HoldLapsed+ChooseCancellation", t.HoldLapsed() + "\n" + t.ChooseCancellation(lines.Select(_ => t.BookingLine(booking, withPin: false)).ToList()));
        yield return ("HoldLapsed+NothingToCancel", t.HoldLapsed() + "\n" + t.NothingToCancel());
        yield return ("Cancelled", t.Cancelled("K7M3QX"));
        yield return ("UnknownCode", t.UnknownCode("K7M3QXK7M3QX"));
        yield return ("MyBookings", t.MyBookings(lines));
        yield return ("NoBookings", t.NoBookings());
        yield return ("Help", t.Help());
        yield return ("InvalidName", t.InvalidName());
        yield return ("TryAgainLater", t.TryAgainLater());
        yield return ("NotSavedTryAgain", t.NotSavedTryAgain());
        yield return ("TooManyMessages", t.TooManyMessages());
        yield return ("Busy", t.Busy());
        yield return ("CountryNotServed", TextCatalog.Default.For(Language.Cs).CountryNotServed() + "\n" + TextCatalog.Default.For(Language.En).CountryNotServed());
        yield return ("LapseNotice", t.LapseNotice(day, time));
        yield return ("Reminder", t.Reminder(booking, longestAgenda, place, time, time));
        yield return ("TurnSoon", t.TurnSoon("P999", 19));
        yield return ("Called", t.Called("P999", "Prepazka 12345-B"));
        var codes = string.Join(", ", Office.Agendas.Select(a => $"{string.Join("/", a.Codes)} {a.Name.In(l)}"));
        var manyTimes = Enumerable.Range(0, 40).Select(i => new LocalTime(8, 0).PlusMinutes(15 * i)).ToList();
        yield return ("QuickOffer", t.TakenMeanwhile() + "\n" + t.QuickOffer(longestAgenda, day, time, LongName, time, requestedWasFree: false, LargestParty));
        yield return ("QuickNothingFree", t.TakenMeanwhile() + "\n" + t.QuickNothingFree(longestAgenda, 7));
        yield return ("QuickSyntax", t.QuickSyntax(codes));
        yield return ("UnknownAgendaCode", t.UnknownAgendaCode(new string('X', 20), codes));
        yield return ("FreeTimes", t.FreeTimes(longestAgenda, day, manyTimes));
        yield return ("NoFreeTimesAhead", t.NoFreeTimesAhead(longestAgenda));
        yield return ("QuickHintConfirm", t.QuickHintConfirm());
        yield return ("HoldLapsedButStillFree", t.HoldLapsedButStillFree(time));
        yield return ("Declined", t.Declined());
        // A move: its first line before the day list (a day named that is full, and the hint, too), or before the summary.
        yield return ("MoveStart+ChooseDay", t.MoveStart("K7M3QX", day, time) + "\n" + t.NoFreeTimes(day) + "\n" + t.ChooseDay(longestAgenda, days, more: true));
        yield return ("MoveStart+ChooseTime", t.MoveStart("K7M3QX", day, time) + "\n" + t.SlotTaken() + "\n" + t.ChooseTime(day, times, more: true));
        yield return ("MoveSummary", t.MoveSummary("K7M3QX", day, time, day, time, longestAgenda, time));
        yield return ("Moved", t.Moved(booking, longestAgenda, place, time, time));
        yield return ("ChooseMove", t.HintNumber(9) + "\n" + t.ChooseMove(lines.Select(_ => t.BookingLine(booking, withPin: false)).ToList()));
        yield return ("MoveDropped", t.MoveDropped(day, time));
        yield return ("MoveSameTime+ChooseTime", t.MoveStart("K7M3QX", day, time) + "\n" + t.MoveSameTime(time) + "\n" + t.ChooseTime(day, times, more: false));
        yield return ("MoveNotMade", t.MoveNotMade(day, time));
        yield return ("MoveGone", t.MoveGone("K7M3QX"));
        yield return ("NothingToMove", t.NothingToMove());
        yield return ("WatchOffer", t.WatchOffer(longestAgenda, day, time, time));
        yield return ("WatchOfferMove", t.WatchOfferMove("K7M3QX", day, time, day, time, time));
        yield return ("WatchOfferLapsed", t.WatchOfferLapsed(day, time));
        yield return ("Watching", t.Watching(longestActivity, day, day.PlusDays(13)));
        yield return ("WatchingDay", t.Watching(longestActivity, day, day));
        yield return ("WatchingEarlier", t.WatchingEarlier("K7M3QX", day, time, day));
        yield return ("WatchStopped", t.WatchStopped());
        yield return ("NothingWatched", t.NothingWatched());
        yield return ("WatchWhich", t.WatchWhich());
        yield return ("WatchNeedsName", t.WatchNeedsName("ZTOP"));
        yield return ("WatchOff", t.WatchOff());
        // Misunderstood twice in a row: the short hint before the step's list, or after the step's hint.
        yield return ("NotUnderstood+ChooseAgenda", t.NotUnderstood() + "\n" + t.ChooseAgenda(agendas));
        yield return ("NotUnderstood+ChooseActivity", t.NotUnderstood() + "\n" + t.ChooseActivity(longestAgenda, mostActivities.Activities.Select(a => a.Name.In(l)).ToList()));
        yield return ("NotUnderstood+ChooseDay", t.NotUnderstood() + "\n" + t.ChooseDay(longestAgenda, days, more: true));
        yield return ("NotUnderstood+ChooseTime", t.NotUnderstood() + "\n" + t.ChooseTime(day, times, more: true));
        yield return ("NotUnderstood+ChooseCancellation", t.NotUnderstood() + "\n" + t.ChooseCancellation(lines.Select(_ => t.BookingLine(booking, withPin: false)).ToList()));
        yield return ("InvalidName+MoreHelp", t.InvalidName() + "\n" + t.MoreHelp());
        yield return ("HintConfirm+MoreHelp", t.HintConfirm() + "\n" + t.MoreHelp());
        yield return ("QuickHintConfirm+MoreHelp", t.QuickHintConfirm() + "\n" + t.MoreHelp());
        // A taken time or one not offered: the nearest free times that day; a closed or full day: the nearest days.
        yield return ("TimeNotFree+ChooseTime", t.TimeNotFree(time) + "\n" + t.ChooseTime(day, times, more: false));
        yield return ("SlotTaken+ChooseTime", t.SlotTaken() + "\n" + t.ChooseTime(day, times, more: false));
        yield return ("NoFreeTimes+ChooseDay", t.NoFreeTimes(day) + "\n" + t.ChooseDay(longestAgenda, days, more: false));
        // A part of the day with no free time left that day: said before the day's other times.
        yield return ("NoFreeTimesInPart+ChooseTime", t.NoFreeTimesInPart(day) + "\n" + t.ChooseTime(day, times, more: true));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryReply_IsGsm7AndAtMostTwoSegments_UkrainianUcs2AndAtMostThree(Language language)
    {
        foreach (var (template, text) in AllReplies(TextCatalog.Default.For(language)))
        {
            AssertFits(language, template, text);
        }
    }

    /// <summary>Czech and English: plain GSM-7 within 2 segments. Ukrainian: Cyrillic is UCS-2 (70 characters a
    /// segment, 67 in a long message), so within 3 segments (201 characters), counted as UCS-2 whatever it holds.</summary>
    private static void AssertFits(Language language, string name, string text)
    {
        var fitted = SmsEncoding.ToGsmFriendly(text);
        var size = SmsEncoding.Measure(fitted);
        if (language == Language.Uk)
        {
            var segments = fitted.Length <= 70 ? 1 : (int)Math.Ceiling(fitted.Length / 67.0);
            Assert.True(segments <= 3, $"{name} takes {segments} UCS-2 segments ({fitted.Length} characters): {fitted}");
            return;
        }
        Assert.True(size.IsGsm7, $"{name} is not GSM-7: {fitted}");
        Assert.True(size.Segments <= 2, $"{name} takes {size.Segments} segments ({size.Units} units): {fitted}");
    }

    /// <summary>The longest value each placeholder of the resource files can take; a text with a placeholder missing
    /// here fails the test below, so a new text cannot escape the size check.</summary>
    private static Dictionary<string, string> LongestValues(ConversationTexts t)
    {
        var l = t.Language;
        string Numbered(IEnumerable<string> labels) => string.Join("\n", labels.Select((label, i) => $"{i + 1} {label}"));
        var longestDay = Enumerable.Range(0, 7).Select(i => t.DayLabel(new LocalDate(2026, 12, 28).PlusDays(i))).MaxBy(d => d.Length)!;
        var day = new LocalDate(2026, 12, 30);
        var booking = new Booking("K7M3QX", "123456", "+420601123456", LongName, "EO", "zruseni", day, new LocalTime(16, 45),
            Instant.FromUtc(2026, 12, 30, 15, 45), Instant.FromUtc(2026, 12, 1, 10, 0), "h", BookingStatus.CheckedIn);
        var longestLine = new[] { t.BookingLine(booking, true), t.BookingLine(booking with { Status = BookingStatus.Booked }, true) }.MaxBy(x => x.Length)!;
        return new Dictionary<string, string>
        {
            ["agendas"] = Numbered(Office.Agendas.Select(a => a.Name.In(l))),
            ["agenda"] = Office.Agendas.Select(a => a.Name.In(l)).MaxBy(a => a.Length)!,
            ["activities"] = Numbered(Office.Agendas.MaxBy(a => a.Activities.Count)!.Activities.Select(a => a.Name.In(l)).OrderByDescending(n => n.Length)),
            ["activity"] = Office.Agendas.SelectMany(a => a.Activities).Select(a => a.Name.In(l)).MaxBy(a => a.Length)!,
            ["example"] = "30.12.",
            ["days"] = Numbered(Enumerable.Repeat(longestDay, Options.DaysPerPage)),
            ["times"] = Numbered(Enumerable.Repeat("16:45", Options.TimesPerPage)),
            ["more"] = "\n" + new[] { t.Format("MoreDays"), t.Format("MoreTimes") }.MaxBy(m => m.Length),
            ["day"] = longestDay,
            ["date"] = longestDay + "2026",
            ["time"] = "16:45", ["holdEnds"] = "16:45", ["from"] = "16:30", ["to"] = "17:00",
            ["name"] = LongName,
            ["code"] = "K7M3QXK7M3QX", // an unknown code is echoed as typed, up to 12 characters
            ["pin"] = "123456",
            ["place"] = Office.Place.In(l),
            ["max"] = "99",
            // The most a phone can hold, as many lines as the list lets into the reply (Ukrainian cuts it: FittingList).
            ["bookings"] = t.FittingList("MyBookings", "bookings", Enumerable.Repeat(longestLine, 2 * Office.Agendas.Count).ToList(), l => string.Join("\n", l)),
            ["choices"] = t.FittingList("ChooseCancellation", "choices",
                Enumerable.Repeat(t.BookingLine(booking with { Status = BookingStatus.Booked }, false), 2 * Office.Agendas.Count).ToList(), Numbered, roomForHint: true),
            ["codes"] = string.Join(", ", Office.Agendas.Select(a => $"{string.Join("/", a.Codes)} {a.Name.In(l)}")),
            ["dayCount"] = "14",
            ["when"] = $"{longestDay}-{longestDay} 16:45.", // a week said ahead, and a time
            // VOLNO lists 40 times, as many as fit the reply (Ukrainian fewer: FittingTimes).
            ["timeList"] = t.FittingTimes(Office.Agendas.Select(a => a.Name.In(l)).MaxBy(a => a.Length)!, day, Enumerable.Repeat(new LocalTime(16, 45), 40).ToList()),
            ["reason"] = new string('R', BookingCore.Closures.ClosureService.MaxReasonLength),
            ["agendaCode"] = LongestCode,
            ["rebook"] = new[] { t.Rebook(LongestCode, LongName), t.Rebook(null, LongName) }.MaxBy(r => r.Length)!,
            ["offerDate"] = longestDay + "2026",
            ["offerTime"] = "16:45",
            ["oldDate"] = longestDay,
            ["last"] = longestDay,
            ["oldTime"] = "16:45",
            // FRONTA: every agenda with 99 waiting and a three-digit wait, every next free day the longest day label.
            ["party"] = t.PartyAfterTime(LargestParty),
            ["people"] = t.People(LargestParty),
            ["count"] = "99",
            ["minutes"] = "999",
            ["queue"] = string.Join("; ", Office.Agendas.Select(a => t.Format("QueueLine", ("agenda", a.Id), ("count", "99"), ("minutes", "999")))),
            ["free"] = string.Join(", ", Office.Agendas.Select(a => t.Format("QueueFreeDay", ("agenda", a.Id), ("day", longestDay)))),
            // The queue's SMS: a ticket number, up to Queue:TurnSoonPosition - 1 before it, a counter name of 16 characters.
            ["ticket"] = "P999",
            ["ahead"] = "19",
            ["counter"] = "Prepazka 12345-B",
            // Questions about the office: every day open with two-digit hours, a fee and a list of what to bring as long as
            // Office settings take them, an agenda's fees as the shipped office gives them (a longer list is not sent).
            ["hours"] = string.Join(", ", Enumerable.Range(1, 7).Select(d => $"{t.Weekday((IsoDayOfWeek)d)} 10:00-17:30")),
            ["fee"] = new string('Ř', OfficeSettings.MaxFeeLength),
            ["bring"] = new string('Ř', OfficeSettings.MaxBringLength),
            ["fees"] = Office.Agendas.Select(a => string.Join("; ", a.Activities.Select(x => $"{x.Name.In(l)} {x.Fee?.In(l)}"))).MaxBy(f => f.Length)!,
            // POMOC's line with the longest phone Conversation:OfficePhone takes (20 characters).
            ["phone"] = t.Format("HelpPhone", ("phone", "+420 499 803 111 222")),
        };
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryTextOfTheResourceFile_WithItsLongestValues_FitsItsLanguagesSegments(Language language)
    {
        var t = TextCatalog.Default.For(language);
        var longest = LongestValues(t);
        var templates = TextCatalog.ShippedTemplates(language);
        Assert.True(templates.Count >= 50, $"only {templates.Count} texts were read from the resource file");
        foreach (var (name, template) in templates)
        {
            var placeholders = TextCatalog.Placeholders(template);
            var unknown = placeholders.Where(p => !longest.ContainsKey(p)).ToList();
            Assert.True(unknown.Count == 0, $"{name}: no longest value for {string.Join(", ", unknown)}");
            var text = t.Format(name, placeholders.Select(p => (p, longest[p])).ToArray());
            AssertFits(language, name, text);
        }
    }

    /// <summary>Issue 26: the summary of a move is sent alone (its first line says the booking and its old time) and
    /// takes one GSM-7 segment with the longest values.</summary>
    [Theory]
    [InlineData(Language.Cs)]
    [InlineData(Language.En)]
    public void MoveSummary_WithTheLongestValues_TakesOneSegment(Language language)
    {
        var t = TextCatalog.Default.For(language);
        var day = new LocalDate(2026, 12, 30);
        var longestAgenda = Office.Agendas.Select(a => a.Name.In(language)).MaxBy(a => a.Length)!;
        var text = SmsEncoding.ToGsmFriendly(t.MoveSummary("K7M3QX", day, new LocalTime(16, 45), day, new LocalTime(16, 45), longestAgenda, new LocalTime(16, 45)));
        Assert.Equal(1, SmsEncoding.Measure(text).Segments);
    }

    [Theory]
    [InlineData(Language.En)]
    [InlineData(Language.Uk)]
    public void EveryLanguage_HasTheSameTextsWithTheSamePlaceholders(Language language)
    {
        var cs = TextCatalog.ShippedTemplates(Language.Cs);
        var other = TextCatalog.ShippedTemplates(language);
        Assert.Equal(cs.Keys.Order(), other.Keys.Order());
        // The one omission allowed: in Cyrillic (UCS-2, 67 characters a segment) a closure notice cannot repeat a
        // 100-letter name beside the staff's 60-letter reason within three segments, so the Ukrainian way to book again
        // says "OBJ <code> and your name in Latin letters" instead of writing the name out.
        var mayOmit = language == Language.Uk ? new Dictionary<string, string> { ["RebookByCode"] = "name" } : [];
        foreach (var name in cs.Keys)
        {
            var expected = TextCatalog.Placeholders(cs[name]).Where(p => mayOmit.GetValueOrDefault(name) != p);
            Assert.True(expected.ToHashSet().SetEquals(TextCatalog.Placeholders(other[name])), $"{name} differs in its placeholders");
        }
    }

    [Fact]
    public void UkrainianTexts_AreCyrillic_AndKeepTheirOwnLetters()
    {
        var uk = TextCatalog.Default.For(Language.Uk);
        Assert.Equal("Пн 14.12.", uk.DayLabel(new LocalDate(2026, 12, 14)));
        // й and ї are letters of their own: making a text GSM-friendly strips Czech accents only.
        Assert.Equal("Добрий день, Україна, MeU Trutnov", SmsEncoding.ToGsmFriendly("Добрий день, Україна, MěÚ Trutnov"));
        Assert.Contains("Добрий день", SmsEncoding.ToGsmFriendly(uk.Greeting(["Посвідчення особи"])));
    }

    [Fact]
    public void UkrainianList_OfSixBookingsWithPins_IsCutToThreeSegmentsAndCountsTheRest()
    {
        var uk = TextCatalog.Default.For(Language.Uk);
        var booking = new Booking("K7M3QX", "123456", "+420601123456", "Jana Novakova", "OP", "zadost", new LocalDate(2026, 12, 30), new LocalTime(16, 45),
            Instant.FromUtc(2026, 12, 30, 15, 45), Instant.FromUtc(2026, 12, 1, 10, 0), "h");
        var lines = Enumerable.Repeat(uk.BookingLine(booking, withPin: true), 6).ToList();
        var text = uk.MyBookings(lines);
        Assert.True(text.Length <= 201, text);
        Assert.Matches(@"\.\.\. і ще \d", text);
        // Czech keeps all six.
        var cs = TextCatalog.Default.For(Language.Cs);
        Assert.Equal(6, cs.MyBookings(Enumerable.Repeat(cs.BookingLine(booking, withPin: true), 6).ToList()).Split('\n').Count(l => l.Contains("PIN")));
    }

    [Fact]
    public void Measure_CountsExtensionCharactersTwice()
    {
        Assert.Equal(new SmsSize(true, 160, 1), SmsEncoding.Measure(new string('a', 160)));
        Assert.Equal(new SmsSize(true, 162, 2), SmsEncoding.Measure(new string('a', 160) + "€"));
        Assert.Equal(new SmsSize(true, 160, 1), SmsEncoding.Measure(new string('a', 158) + "["));
        Assert.Equal(2, SmsEncoding.Measure(new string('a', 306)).Segments);
        Assert.Equal(3, SmsEncoding.Measure(new string('a', 307)).Segments);
    }

    [Fact]
    public void Measure_OneCzechLetterMakesTheMessageUcs2()
    {
        var size = SmsEncoding.Measure("Dobrý den" + new string('a', 61));
        Assert.False(size.IsGsm7);
        Assert.Equal(1, size.Segments); // 70 fit one UCS-2 segment
        Assert.Equal(2, SmsEncoding.Measure("č" + new string('a', 70)).Segments);
    }

    [Fact]
    public void ToGsmFriendly_StripsCzechDiacritics()
    {
        Assert.Equal("Prilis zlutoucky kun upel dabelske ody. Obcanske prukazy", SmsEncoding.ToGsmFriendly("Příliš žluťoučký kůň úpěl ďábelské ódy. Občanské průkazy"));
    }
}
