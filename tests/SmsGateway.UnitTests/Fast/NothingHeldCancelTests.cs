using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Options;
using SmsBooking.SmsGateway.Conversation;
using SmsBooking.SmsGateway.Sms;
using SmsBooking.SmsGateway.Texts;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>Issue 23: a reply never says that something was cancelled unless something was. A citizen who booked and
/// came back to the menu by any way, then sent STORNO or a cancel phrase, was told "Rezervace terminu zrusena" while the
/// booking stood. With nothing held, every cancel word lists the phone's bookings to cancel. On the conversation harness.</summary>
public class NothingHeldCancelTests
{
    /// <summary>The language the conversation speaks, and a cancel word in it (every one of them is understood in any
    /// language; the reply is in the conversation's).</summary>
    private static readonly (string SwitchTo, string Phrase, Language Language)[] Phrases =
    [
        ("CZ", "STORNO", Language.Cs),
        ("CZ", "chci zrusit objednavku", Language.Cs),
        ("EN", "STORNO", Language.En),
        ("EN", "cancel my booking", Language.En),
        ("UA", "СКАСУВАТИ", Language.Uk),
        ("UA", "скасувати запис", Language.Uk),
    ];

    public static TheoryData<string> WaysBackToTheMenu => new()
    {
        "ZNOVU",
        "ZPET", // from the activities back to the agendas
        "lapsed hold", // the hold ran out at the name step; the cancel word is the next message
        "lapsed hold, then a name", // the name came too late: the times again, then the cancel word
        "finished booking", // the cancel word right after the confirmation
        "greeting after a booking",
        "finished move",
        "waitlist offer declined",
    };

    [Theory]
    [MemberData(nameof(WaysBackToTheMenu))]
    public async Task CancelWord_AfterEachWayBackToTheMenu_ListsTheBookings_AndSaysNothingWasCancelled(string way)
    {
        await using var gateway = ConversationHarness.Start();
        var texts = gateway.Services.GetRequiredService<TextCatalog>();
        var n = 0;
        foreach (var (switchTo, phrase, language) in Phrases)
        {
            var phone = gateway.Phone($"+42060177{Math.Abs(way.GetHashCode()) % 1000:000}{n++}");
            var code = await BookAsync(phone, switchTo);
            var before = await WayBackAsync(gateway, phone, way, code);

            var reply = (await phone.SendAsync(phrase))!;
            var T = texts.For(language);
            var said = $"{way}, '{phrase}' got:\n{reply}";
            Assert.True(reply.Contains($"\n1 {code} "), said); // the booking, listed to cancel by its number
            Assert.StartsWith(Gsm(way == "lapsed hold" ? T.HoldLapsed() + "\n" + Header(T) : Header(T)), reply);
            Assert.DoesNotContain(Gsm(T.HoldReleased()), reply);
            Assert.DoesNotContain(Gsm(T.Cancelled(code)), reply);
            var booking = Assert.Single(await Bookings(gateway).UpcomingAsync(phone.Number));
            Assert.Equal((code, BookingStatus.Booked, before.Date, before.Time), (booking.Code, booking.Status, booking.Date, booking.Time));
            await phone.ExpectAsync("MOJE", $"{code} .*PIN: {booking.Pin}");
        }
    }

    /// <summary>The phone books the nearest application to Wednesday 10:00 in one message, in its language; the code.</summary>
    private static async Task<string> BookAsync(HarnessPhone phone, string language)
    {
        await phone.SendAsync(language);
        await phone.ExpectAsync("OBJ ZOP 2.12. 10:00 Jana Novakova", "Jana Novakova");
        var confirmed = await phone.ExpectAsync("ANO", @"(Kod|Code|Код): \w{6}");
        return Regex.Match(confirmed, @"(Kod|Code|Код): (\w{6})").Groups[2].Value;
    }

    /// <summary>Takes the phone from its fresh booking back to the menu (or to rest) the given way; the booking as it
    /// stands then (a move changes its time).</summary>
    private static async Task<Booking> WayBackAsync(ConversationHarness gateway, HarnessPhone phone, string way, string code)
    {
        switch (way)
        {
            case "ZNOVU":
                await phone.SendAsync("ZNOVU");
                break;
            case "ZPET":
                await phone.SendAsync("Dobry den");
                await phone.SendAsync("1");
                await phone.SendAsync("ZPET");
                break;
            case "lapsed hold":
            case "lapsed hold, then a name":
                foreach (var pick in new[] { "Dobry den", "1", "1", "1", "1" })
                {
                    await phone.SendAsync(pick); // the greeting, agenda, activity, day, time: the slot is held, the name asked
                }
                Assert.NotNull(await Bookings(gateway).CurrentHoldAsync(phone.Number));
                gateway.Clock.Advance(Duration.FromMinutes(16));
                if (way != "lapsed hold")
                {
                    await phone.SendAsync("Petr Svoboda");
                }
                break;
            case "finished booking":
                break;
            case "greeting after a booking":
                await phone.SendAsync("Dobry den");
                break;
            case "finished move":
                await phone.SendAsync($"PRESUN {code} 3.12.");
                await phone.SendAsync("1"); // the first free time that day: the summary
                await phone.ExpectAsync("ANO", code);
                break;
            case "waitlist offer declined":
                var booked = Assert.Single(await Bookings(gateway).UpcomingAsync(phone.Number));
                var agenda = gateway.Services.GetRequiredService<OfficeSettings>().FindAgenda("OP")!;
                // What the waitlist's sweep does for a watcher with a booking: an earlier slot held, ANO would move it.
                var offer = await gateway.Services.GetRequiredService<OfferedHold>().TryOfferSlotAsync(phone.Number, agenda, "zadost",
                    booked.Name, new LocalDate(2026, 12, 1), new LocalTime(8, 0), new MovingBooking(code, booked.Date, booked.Time));
                Assert.NotNull(offer);
                await phone.SendAsync("NE");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(way), way, null);
        }
        Assert.Null(await Bookings(gateway).CurrentHoldAsync(phone.Number));
        return Assert.Single(await Bookings(gateway).UpcomingAsync(phone.Number));
    }

    private static BookingService Bookings(ConversationHarness gateway) => gateway.Services.GetRequiredService<BookingService>();

    private static string Header(ConversationTexts t) => t.ChooseCancellation(["x"]).Split('\n')[0];

    private static string Gsm(string text) => SmsEncoding.ToGsmFriendly(text);
}
