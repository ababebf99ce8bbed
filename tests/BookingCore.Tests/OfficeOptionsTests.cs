using SmsBooking.BookingCore.Options;
using SmsBooking.TestSupport;

namespace SmsBooking.BookingCore.Tests;

public class OfficeOptionsTests
{
    [Fact]
    public void ShippedAppsettings_IsValidAndHoldsTrutnov()
    {
        var office = TestOffice.Trutnov();
        Assert.Equal("Europe/Prague", office.Zone.Id);
        Assert.Equal(60, office.HorizonDays);
        Assert.Equal(["OP", "CP", "EO"], office.Agendas.Select(a => a.Id));
        Assert.Equal("Občanské průkazy", office.Agendas[0].Name.Cs);
        Assert.Equal(5, office.Hours.Count);
        // Trutnov's booking page: one booking per counter, activity and hour; the rest is for walk-ins.
        Assert.All(office.Agendas.SelectMany(a => a.Activities), a => Assert.Equal(1, a.BookablePerHour));
        Assert.All(office.Agendas, a => Assert.True(a.WalkInDailyCap > 0));
    }

    [Theory]
    [InlineData("Office:TimeZone", "Europe/Praha", "Office:TimeZone")]
    [InlineData("Office:Hours:Monday", "08:00-25:00", "Office:Hours:Monday")]
    [InlineData("Office:Hours:Monday", "17:00-08:00", "Office:Hours:Monday")] // closing before opening
    [InlineData("Office:Hours:Mondy", "08:00-17:00", "Office:Hours:Mondy")]
    [InlineData("Office:Closures:0", "2026-02-30", "Office:Closures:0")]
    [InlineData("Office:Agendas:1:Counters", "0", "Office:Agendas:1:Counters")]
    [InlineData("Office:Agendas:0:SlotMinutes", "-5", "Office:Agendas:0:SlotMinutes")]
    [InlineData("Office:Agendas:2:Id", "OP", "Office:Agendas:2:Id")] // duplicate id
    [InlineData("Office:HorizonDays", "-1", "Office:HorizonDays")]
    [InlineData("Office:Agendas:0:Activities:1:BookablePerHour", "-1", "Office:Agendas:0:Activities:1:BookablePerHour")]
    [InlineData("Office:Agendas:2:WalkInDailyCap", "-3", "Office:Agendas:2:WalkInDailyCap")]
    [InlineData("Office:Agendas:1:PickupActivity", "vyzvednuti", "Office:Agendas:1:PickupActivity")]
    public void Create_BadValue_NamesTheKey(string key, string value, string named)
    {
        OfficeSettings.Create(TestOffice.Options(new Dictionary<string, string?> { [key] = value }), out var errors);
        var error = Assert.Single(errors);
        Assert.StartsWith(named + ":", error);
    }

    [Fact]
    public void Create_SmallRehearsalValues_AreValid()
    {
        OfficeSettings.Create(TestOffice.Options(new Dictionary<string, string?>
        {
            ["Office:HorizonDays"] = "0",
            ["Office:Hours:Saturday"] = "09:00-09:15",
        }), out var errors);
        Assert.Empty(errors);
    }
}
