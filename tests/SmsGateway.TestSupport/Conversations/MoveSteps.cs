using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Outbound;

namespace SmsBooking.SmsGateway.Tests.Conversations;

/// <summary>Steps of the moving tests (<c>PRESUN</c>) that run on either gateway: the fast layer's
/// <c>Fast.MoveTests</c> and the host's <c>Moving.MoveAcrossHashSlotsTests</c>.</summary>
public static class MoveSteps
{
    public static readonly LocalDate Tuesday = new(2026, 12, 1);
    public static readonly LocalDate Wednesday = new(2026, 12, 2);

    /// <summary>Books by SMS (OBJ, then ANO); returns the phone, the code and the PIN.</summary>
    public static async Task<(CitizenPhone Phone, string Code, string Pin)> BookAsync(ITestGateway gateway, string number, string date, string time, string name = "Jana Novakova")
    {
        var phone = gateway.PhoneOf(number);
        await phone.ExpectAsync($"OBJ ZOP {date} {time} {name}", $"{Regex.Escape(date)}2026 {time}, {name}\\.");
        var confirmed = await phone.ExpectAsync("ANO", @"Kod: (\w{6})[\s\S]*PIN: (\d{6})");
        var m = Regex.Match(confirmed, @"Kod: (\w{6})[\s\S]*PIN: (\d{6})");
        return (phone, m.Groups[1].Value, m.Groups[2].Value);
    }

    public static T Get<T>(ITestGateway gateway) where T : notnull => gateway.Services.GetRequiredService<T>();

    public static async Task<IReadOnlyList<OutboundMessage>> OutboxAsync(ITestGateway gateway) =>
        (await Get<IOutbox>(gateway).ClaimAsync("test-reader", 100, TimeSpan.FromMinutes(10))).Select(e => e.Message).ToList();
}
