using System.Net;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;

namespace SmsBooking.SmsGateway.Tests.WebBooking;

/// <summary>A mobile given on the web form is held to a phone's cap of places (<c>Booking:MaxPlacesPerPhone</c>) at the
/// confirmation, atomically in the store, not only at the reservation: reservations under other e-mail addresses naming
/// one mobile cannot together book more people than that mobile may. Over real HTTP against the test Redis.</summary>
public class WebMobileCapTests
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Gateway:KnownProxies:0"] = "127.0.0.1", // each citizen's own source address, through the loopback proxy
        ["Booking:MaxPlacesPerPhone"] = "4",
    };

    private static async Task<string> ReserveAsync(WebCitizen citizen, WebMailbox mail, string email, string time, int party)
    {
        var form = $"/objednat/OP/zadost/2026-12-01/{time}?osob={party}";
        await citizen.GetAsync(form);
        await citizen.PostAsync(form, new Dictionary<string, string>(WebBookingHost.Person(email, "601 111 222")) { ["osob"] = $"{party}" });
        Assert.Equal(HttpStatusCode.OK, citizen.LastStatus); // the summary, after the redirect
        return await mail.LinkAsync(email, WebBookingHost.ConfirmSubject, "potvrdit");
    }

    [Fact]
    public async Task TwoReservationsNamingOneMobile_ConfirmedOneAfterTheOther_DoNotPassItsPlaces_TheSecondIsRefusedSayingWhy()
    {
        var (gateway, mail) = await WebBookingHost.StartAsync(Settings);
        await using var _g = gateway;
        await using var _m = mail;
        using var jana = new WebCitizen(gateway.Address, forwardedFor: "203.0.113.21");
        using var petr = new WebCitizen(gateway.Address, forwardedFor: "203.0.113.22");
        // Both reservations pass: the mobile has booked nothing yet.
        var first = await ReserveAsync(jana, mail, "jana@example.cz", "0800", party: 3);
        var second = await ReserveAsync(petr, mail, "petr@example.cz", "1000", party: 2);

        await jana.GetAsync(first);
        Assert.Contains("Objednávka je potvrzena", WebCitizen.Text(await jana.PostAsync(first)));
        await petr.GetAsync(second);
        var refused = WebCitizen.Text(await petr.PostAsync(second));
        Assert.Equal(HttpStatusCode.Conflict, petr.LastStatus);
        Assert.Contains("už je objednáno tolik osob, kolik je dovoleno (4)", refused);

        var booking = Assert.Single(await gateway.App.Services.GetRequiredService<IBookingStore>().GetDayBookingsAsync(new LocalDate(2026, 12, 1)));
        Assert.Equal((WebOwner.Of("jana@example.cz"), 3), (booking.Phone, booking.Party));
    }
}
