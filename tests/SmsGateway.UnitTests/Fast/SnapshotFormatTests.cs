using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using SmsBooking.BookingCore.Bookings;
using SmsBooking.BookingCore.Store;
using SmsBooking.SmsGateway.Conversation;

namespace SmsBooking.SmsGateway.Tests.Fast;

/// <summary>The snapshot holds NodaTime values, and a snapshot saved by the gateway before version 2 (strings and
/// milliseconds) still reads, so that a conversation under way during a rolling update goes on
/// (docs/conversation.md, "The snapshot").</summary>
public class SnapshotFormatTests
{
    [Fact]
    public void Snapshot_IsWrittenWithNodaTimeValuesAndItsVersionFirst()
    {
        var snapshot = new ConversationSnapshot
        {
            State = ConversationState.EnteringName,
            AgendaId = "OP",
            ActivityId = "zadost",
            Day = new LocalDate(2026, 12, 10),
            Hold = new HeldSlot("h1", new LocalDate(2026, 12, 10), new LocalTime(14, 0), Instant.FromUtc(2026, 11, 30, 6, 15)),
            WantedPart = "Morning",
        };
        var json = snapshot.ToJson();
        Assert.StartsWith("{\"V\":2,", json);
        Assert.Contains("\"Day\":\"2026-12-10\"", json);
        Assert.Contains("\"Time\":\"14:00:00\"", json);
        Assert.Contains("\"Expires\":\"2026-11-30T06:15:00Z\"", json);
        Assert.DoesNotContain("Ms", json);
        Assert.DoesNotContain("\"Name\"", json); // nothing written for what is empty
        var back = ConversationSnapshot.FromJson(json);
        Assert.Equal(snapshot.Hold, back.Hold);
        Assert.Equal((ConversationState.EnteringName, "OP", "zadost", (LocalDate?)new LocalDate(2026, 12, 10), "Morning"),
            (back.State, back.AgendaId, back.ActivityId, back.Day, back.WantedPart));
    }

    [Theory]
    // What the gateway before version 2 saved, mid-conversation at each kind of step.
    [InlineData("""{"State":"ChoosingTime","Language":"En","AgendaId":"EO","ActivityId":"pobyt","Date":"2026-12-01","Page":1,"Options":["11:00","11:15"],"HoldId":null,"HoldTime":null,"HoldExpiresMs":0,"Name":null,"Quick":false}""",
        ConversationState.ChoosingTime, "times 11:00 11:15")]
    [InlineData("""{"State":"ChoosingDay","Language":"Cs","AgendaId":"OP","ActivityId":"zadost","Date":null,"Page":0,"Options":["2026-11-30","2026-12-01"],"HoldId":null,"HoldTime":null,"HoldExpiresMs":0,"Name":null,"Quick":false}""",
        ConversationState.ChoosingDay, "days 2026-11-30 2026-12-01")]
    [InlineData("""{"State":"Confirming","Language":"Cs","AgendaId":"OP","ActivityId":"zadost","Date":"2026-12-10","Page":0,"Options":[],"HoldId":"abc","HoldTime":"14:00","HoldExpiresMs":1764483300000,"Name":"Novak","Quick":true}""",
        ConversationState.QuickConfirming, "hold abc 2026-12-10 14:00 2025-11-30T06:15:00Z")]
    [InlineData("""{"State":"Idle","Language":"Cs","AgendaId":null,"ActivityId":null,"Date":null,"Page":0,"Options":[],"HoldId":"abc","HoldTime":null,"HoldExpiresMs":0,"Name":null,"Quick":false}""",
        ConversationState.JustBooked, "booked abc")]
    [InlineData("""{"State":"ChoosingCancellation","Language":"Cs","AgendaId":null,"ActivityId":null,"Date":null,"Page":0,"Options":["K7M3QX"],"HoldId":null,"HoldTime":null,"HoldExpiresMs":0,"Name":null,"Quick":false}""",
        ConversationState.ChoosingCancellation, "codes K7M3QX")]
    public void SnapshotOfTheVersionBefore_ReadsIntoTheNewForm(string json, ConversationState state, string data)
    {
        var s = ConversationSnapshot.FromJson(json);
        Assert.Equal(state, s.State);
        var described = s.ShownTimes is { } times ? "times " + string.Join(' ', times.Select(x => x.ToString("HH:mm", null)))
            : s.ShownDays is { } days ? "days " + string.Join(' ', days.Select(x => x.ToString("yyyy-MM-dd", null)))
            : s.ShownCodes is { } codes ? "codes " + string.Join(' ', codes)
            : s.Hold is { } hold ? $"hold {hold.Id} {hold.Day:yyyy-MM-dd} {hold.Time:HH:mm} {hold.Expires}"
            : s.ConfirmedHoldId is { } id ? "booked " + id : "";
        Assert.Equal(data, described);
    }

    [Theory]
    [InlineData("{\"V\":2,\"State\":\"NoSuchState\"}")]
    [InlineData("{\"State\":\"ChoosingTime\",\"Options\":[\"25:99\"]}")]
    [InlineData("not json")]
    public void UnreadableSnapshot_StartsFresh(string json)
    {
        var s = ConversationSnapshot.FromJson(json);
        Assert.Equal(ConversationState.Idle, s.State);
    }

    /// <summary>A conversation saved by the version before at its summary (a rolling update in between) is confirmed
    /// by the new one with ANO.</summary>
    [Fact]
    public async Task ConversationSavedByTheVersionBefore_GoesOnAfterTheUpdate()
    {
        await using var gateway = ConversationHarness.Start();
        var phone = gateway.Phone();
        var phones = gateway.Services.GetRequiredService<IPhoneStore>();
        await phone.WalkToSummaryAsync();
        var now = ConversationSnapshot.FromJson(await phones.PeekSnapshotAsync(phone.Number));
        var hold = now.Hold!;
        // The same conversation as the version before saved it.
        var legacy = $$"""{"State":"Confirming","Language":"Cs","AgendaId":"OP","ActivityId":"zadost","Date":"{{hold.Day:yyyy-MM-dd}}","Page":0,"Options":[],"HoldId":"{{hold.Id}}","HoldTime":"{{hold.Time:HH:mm}}","HoldExpiresMs":{{hold.Expires.ToUnixTimeMilliseconds()}},"Name":"Jana Nováková","Quick":false}""";
        var lease = (await phones.OpenAsync(new PhoneOpen(phone.Number, TimeSpan.FromSeconds(5)))).Lease;
        Assert.True((await phones.CloseAsync(lease!, new PhoneClose(legacy, TimeSpan.FromHours(1)))).Saved);

        await phone.ExpectAsync("ANO", @"^Objednano\. Kod: ");
        var booking = Assert.Single(await gateway.Services.GetRequiredService<BookingService>().UpcomingAsync(phone.Number));
        Assert.Equal(("OP", "zadost", "Jana Nováková", hold.Time), (booking.AgendaId, booking.ActivityId, booking.Name, booking.Time));
        await phone.ExpectAsync("ANO", @"^Uz potvrzeno\. Kod: "); // and the new snapshot knows it just booked
    }
}
