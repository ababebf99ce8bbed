using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Conversation;

/// <summary>Every reply template, filled with the longest configured names and a 100-character name, stays plain
/// GSM-7 and within 2 segments.</summary>
public class ReplySizeTests
{
    private static readonly OfficeSettings Office = TestOffice.Trutnov();
    private static readonly ConversationOptions Options = new();
    private static readonly string LongName = ("Marie-Antonie Žofie Ďáblová-" + new string('Ř', 100))[..100];

    public static TheoryData<Language> Languages => new() { Language.Cs, Language.En };

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
        yield return ("ChooseTime", t.HoldLapsed() + "\n" + t.HintTime() + "\n" + t.ChooseTime(day, times, more: true));
        yield return ("ChooseTime+more", t.NoMorePages() + "\n" + t.ChooseTime(day, times, more: true));
        yield return ("AskName", t.AskName(day, time, time));
        yield return ("HintConfirm", t.HintConfirm());
        yield return ("Summary", t.Summary(longestAgenda, longestActivity, day, time, LongName, time));
        yield return ("Confirmed", t.Confirmed(booking, longestAgenda, place, time, time));
        yield return ("AlreadyConfirmed", t.AlreadyConfirmed(booking));
        yield return ("TooManyBookings", t.TooManyBookings(2));
        yield return ("HoldReleased", t.HoldReleased());
        yield return ("NothingToCancel", t.NothingToCancel());
        yield return ("ChooseCancellation", t.ChooseCancellation(lines.Select(_ => t.BookingLine(booking, withPin: false)).ToList()));
        yield return ("Cancelled", t.Cancelled("K7M3QX"));
        yield return ("UnknownCode", t.UnknownCode("K7M3QXK7M3QX"));
        yield return ("MyBookings", t.MyBookings(lines));
        yield return ("NoBookings", t.NoBookings());
        yield return ("Help", t.Help());
        yield return ("InvalidName", t.InvalidName());
        yield return ("TryAgainLater", t.TryAgainLater());
        yield return ("NotSavedTryAgain", t.NotSavedTryAgain());
        yield return ("TooManyMessages", t.TooManyMessages());
        yield return ("CountryNotServed", Czech.Instance.CountryNotServed() + "\n" + English.Instance.CountryNotServed());
        yield return ("LapseNotice", t.LapseNotice(day, time));
        yield return ("Reminder", t.Reminder(booking, longestAgenda, place, time, time));
        var codes = string.Join(", ", Office.Agendas.Select(a => $"{string.Join("/", a.Codes)} {a.Name.In(l)}"));
        var manyTimes = Enumerable.Range(0, 40).Select(i => new LocalTime(8, 0).PlusMinutes(15 * i)).ToList();
        yield return ("QuickOffer", t.TakenMeanwhile() + "\n" + t.QuickOffer(longestAgenda, day, time, LongName, time, requestedWasFree: false));
        yield return ("QuickNothingFree", t.TakenMeanwhile() + "\n" + t.QuickNothingFree(longestAgenda, 7));
        yield return ("QuickSyntax", t.QuickSyntax(codes));
        yield return ("UnknownAgendaCode", t.UnknownAgendaCode(new string('X', 20), codes));
        yield return ("FreeTimes", t.FreeTimes(longestAgenda, day, manyTimes));
        yield return ("NoFreeTimesAhead", t.NoFreeTimesAhead(longestAgenda));
        yield return ("QuickHintConfirm", t.QuickHintConfirm());
        yield return ("HoldLapsedButStillFree", t.HoldLapsedButStillFree(time));
        yield return ("Declined", t.Declined());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryReply_IsGsm7AndAtMostTwoSegments(Language language)
    {
        foreach (var (template, text) in AllReplies(ConversationTexts.For(language)))
        {
            var fitted = SmsEncoding.ToGsmFriendly(text);
            var size = SmsEncoding.Measure(fitted);
            Assert.True(size.IsGsm7, $"{template} is not GSM-7: {fitted}");
            Assert.True(size.Segments <= 2, $"{template} takes {size.Segments} segments ({size.Units} units): {fitted}");
        }
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
