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

    [Fact]
    public void ShippedAppsettings_CarriesTrutnovsSixActivityCodes()
    {
        var office = TestOffice.Trutnov();
        var byCode = new[] { "ZOP", "POP", "ZCD", "PCD", "PTP", "RTP" }
            .Select(code => (code, agenda: office.FindAgendaByCode(code)!))
            .Select(x => $"{x.code}={x.agenda.Id}/{x.agenda.FindActivityByCode(x.code)!.Id}");
        Assert.Equal(["ZOP=OP/zadost", "POP=OP/prevzeti", "ZCD=CP/zadost", "PCD=CP/prevzeti", "PTP=EO/pobyt", "RTP=EO/zruseni"], byCode);
    }

    [Fact]
    public void AgendaCodes_ListItsOwnCodesFirst_ThenItsActivities()
    {
        // An activity code names its agenda too: OBJ ZOP still finds the identity cards, and the kiosk's agenda too.
        var op = TestOffice.Trutnov().FindAgenda("OP")!;
        Assert.Equal(["OP", "ZOP", "POP", "ZTOP"], op.Codes);
        Assert.Null(op.FindActivityByCode("OP"));
    }

    [Fact]
    public void Words_AreFoldedLikeInput_WithoutDiacriticsInUpperCase()
    {
        var office = TestOffice.Trutnov(new Dictionary<string, string?> { ["Office:Agendas:1:Words:0"] = "  Cesťák   Modrý " });
        Assert.Equal("CESTAK MODRY", office.FindAgenda("CP")!.Words[0]);
        Assert.Contains("VYZVEDNUTI", office.FindAgenda("OP")!.FindActivity("prevzeti")!.Words);
    }

    [Theory]
    [InlineData("Office:Agendas:1:Activities:0:Codes:0", "ZOP", "Office:Agendas:1:Activities:0:Codes")] // another agenda's activity code
    [InlineData("Office:Agendas:2:Codes:0", "POP", "Office:Agendas:2:Codes")]                         // an agenda code equal to an activity code
    [InlineData("Office:Agendas:0:Activities:2:Codes:0", "op", "Office:Agendas:0:Activities:2:Codes")] // its own agenda's code, any case
    [InlineData("Office:Agendas:0:Activities:1:Codes:0", "P-OP", "Office:Agendas:0:Activities:1:Codes")]
    [InlineData("Office:Agendas:0:Activities:1:Words:0", "vyzvednutí!", "Office:Agendas:0:Activities:1:Words:0")]
    [InlineData("Office:Agendas:0:Words:0", " ", "Office:Agendas:0:Words:0")]
    [InlineData("Office:Agendas:0:Activities:2:Id", "zadost", "Office:Agendas:0:Activities:2:Id")] // twice in one agenda
    public void Create_ClashingCodeOrBadWord_NamesTheKey(string key, string value, string named)
    {
        OfficeSettings.Create(TestOffice.Options(new Dictionary<string, string?> { [key] = value }), out var errors);
        var error = Assert.Single(errors);
        Assert.StartsWith(named + ":", error);
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
