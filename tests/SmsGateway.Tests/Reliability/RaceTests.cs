using Microsoft.Extensions.DependencyInjection;
using SmsBooking.BookingCore.Bookings;

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
    };

    /// <summary>What a losing citizen is told: the time was just taken, the day has no time left, nothing is free.</summary>
    public const string LoserPattern = "obsazen|zadny volny|uz neni volny";

    /// <summary>One citizen books Evidence obyvatel, taking whatever is offered, until booked or told nothing is left.</summary>
    public static async Task<string> WalkAsync(SmsPhone phone, int aim)
    {
        await phone.SendAsync("Dobry den");
        await phone.SendAsync("3");
        var reply = await phone.SendAsync("1");
        for (int step = 0; step < 12; step++)
        {
            if (reply is null || reply.Contains("Kod: ") || System.Text.RegularExpressions.Regex.IsMatch(reply, "zadny volny"))
            {
                return reply ?? "";
            }
            if (reply.Contains("drzime"))
            {
                reply = await phone.SendAsync("Jana Novakova");
            }
            else if (reply.Contains("Souhrn"))
            {
                reply = await phone.SendAsync("ANO");
            }
            else if (reply.Contains("\n1 "))
            {
                // Phones aim at different times first, then take the first one offered.
                var count = reply.Split('\n').Count(l => l.Length > 2 && char.IsDigit(l[0]) && l.Contains(' '));
                reply = await phone.SendAsync((step < 4 ? aim % Math.Max(1, count) + 1 : 1).ToString());
            }
            else
            {
                return reply;
            }
        }
        return reply ?? "";
    }

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
        Assert.All(losers, l => Assert.Matches(LoserPattern, l));

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
