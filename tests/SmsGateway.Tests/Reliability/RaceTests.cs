using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.TestSupport;

namespace SmsBooking.SmsGateway.Tests.Reliability;

/// <summary>Many phones walk full conversations at once for fewer places than phones, on one gateway and one Redis.</summary>
public class RaceTests
{
    /// <summary>Evidence obyvatel on Monday 2026-11-30 08:00-09:00 only, one counter: 4 places of 15 minutes.</summary>
    private static Dictionary<string, string?> Places(string hours) => new()
    {
        ["Office:HorizonDays"] = "0",
        ["Office:Hours:Monday"] = hours,
        ["Office:Agendas:2:Counters"] = "1",
        // Every slot of the hour bookable (the shipped quota is 1 an hour): the race is for the slots here; the quota's
        // race is Capacity/CapacityTests.
        ["Office:Agendas:2:Activities:0:BookablePerHour"] = "4",
    };

    /// <summary>One citizen of the race, over signed webhooks.</summary>
    public static Task<string> WalkAsync(SmsPhone phone, int aim) =>
        RushCitizen.WalkAsync(async text => await phone.SendAsync(text) ?? "", aim);

    private static async Task RaceAsync(int phones, string hours, int places)
    {
        var settings = Places(hours);
        await using var gateway = await GatewayHost.StartAsync(settings);
        var all = Enumerable.Range(0, phones).Select(i => new SmsPhone(gateway, $"+42060{i:0000000}")).ToList();
        using var throttle = new SemaphoreSlim(64); // as many webhooks in flight as Twilio keeps open to one host
        var outcomes = await Task.WhenAll(all.Select(async (phone, i) =>
        {
            await throttle.WaitAsync();
            try
            {
                return await WalkAsync(phone, i);
            }
            finally
            {
                throttle.Release();
            }
        }));

        Assert.Equal(places, outcomes.Count(o => o.Contains("Kod: ")));
        var losers = outcomes.Where(o => !o.Contains("Kod: ")).ToList();
        Assert.Equal(phones - places, losers.Count);
        Assert.All(losers, l => Assert.Matches(RushCitizen.LoserPattern, l));

        var service = gateway.App.Services.GetRequiredService<BookingService>();
        var booked = new List<Booking>();
        foreach (var p in all)
        {
            booked.AddRange(await service.UpcomingAsync(p.Number));
        }
        Assert.Equal(places, booked.Count);
        Assert.Equal(places, booked.Select(b => (b.Date, b.Time)).Distinct().Count()); // no slot over its one counter
        Assert.Equal(places, booked.Select(b => b.Phone).Distinct().Count());
    }

    [Fact]
    public Task ThirtyPhonesForFourPlaces_ExactlyFourBookings_EveryLoserTold() => RaceAsync(30, "08:00-09:00", 4);

    [Fact]
    public Task TwoThousandPhonesForTwelvePlaces_ExactlyTwelveBookings_EveryLoserTold() => RaceAsync(2000, "08:00-11:00", 12);
}
