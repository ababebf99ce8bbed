using System.Text.RegularExpressions;

namespace SmsBooking.SmsGateway.Tests;

/// <summary>A citizen's phone in tests, whatever carries its texts: a signed webhook over HTTP (<see cref="SmsPhone"/>)
/// or the conversation harness without a host (<see cref="Fast.HarnessPhone"/>). Each text gets a fresh message id
/// unless given; the reply is what the TwiML would carry.</summary>
public abstract class CitizenPhone
{
    protected CitizenPhone(string number) => Number = number;

    public string Number { get; }

    /// <summary>Sends a text and returns the reply, or null when nothing is to be said (an empty <c>&lt;Response/&gt;</c>).</summary>
    public abstract Task<string?> SendAsync(string text, string? messageSid = null);

    /// <summary>Sends and asserts the reply matches.</summary>
    public async Task<string> ExpectAsync(string text, string pattern)
    {
        var reply = await SendAsync(text);
        Assert.NotNull(reply);
        // The whole reply in the failure (Assert.Matches cuts it short).
        Assert.True(Regex.IsMatch(reply!, pattern), $"'{text}' got:\n{reply}\n-- which does not match: {pattern}");
        return reply!;
    }

    /// <summary>Sends and asserts the reply does not match.</summary>
    public async Task<string> ExpectNotAsync(string text, string pattern)
    {
        var reply = await SendAsync(text);
        Assert.NotNull(reply);
        Assert.False(Regex.IsMatch(reply!, pattern), $"'{text}' got:\n{reply}\n-- which should not match: {pattern}");
        return reply!;
    }

    /// <summary>From the greeting to the summary: the agenda, its first activity, the first day and time offered, a
    /// name. Returns the summary.</summary>
    public async Task<string> WalkToSummaryAsync(string agenda = "1")
    {
        await WalkToNameStepAsync(agenda);
        return await ExpectAsync("Jana Nováková", @"Souhrn: .*Jana Novakova.*ANO do \d\d:\d\d");
    }

    /// <summary>From the greeting to the name step: the agenda, its first activity, the first day and time offered,
    /// held (the reply matching <paramref name="held"/>).</summary>
    public async Task WalkToNameStepAsync(string agenda = "1", string held = @"drzime do \d\d:\d\d")
    {
        await ExpectAsync("Dobry den", @"\n1 Obcanske prukazy\n2 Cestovni pasy\n3 Evidence obyvatel");
        await ExpectAsync(agenda, @"cinnost");
        await ExpectAsync("1", @"vyberte den");
        await ExpectAsync("1", @"Volne casy");
        await ExpectAsync("1", held);
    }

    /// <summary>From the list of agendas: identity cards, the first activity, day and time offered, the name, ANO.
    /// Returns the confirmation.</summary>
    public async Task<string> BookFromAgendaListAsync(string name = "Jana Novakova")
    {
        await ExpectAsync("1", "cinnosti");
        await ExpectAsync("1", "vyberte den");
        await ExpectAsync("1", "Volne casy");
        await ExpectAsync("1", "drzime");
        await ExpectAsync(name, "Souhrn");
        return await ExpectAsync("ANO", @"Kod: \w{6}");
    }

    /// <summary>A booking from the greeting on (Po 30.11. 08:00 with the harness's clock): returns its code.</summary>
    public async Task<string> BookCodeAsync(string name = "Jana Novakova") =>
        Regex.Match(await BookAsync(name), @"Kod: (\w{6})").Groups[1].Value;

    /// <summary>A booking from the greeting on: returns the confirmation.</summary>
    public async Task<string> BookAsync(string name = "Jana Novakova")
    {
        await ExpectAsync("Dobry den", @"\n1 Obcanske prukazy");
        return await BookFromAgendaListAsync(name);
    }

    /// <summary>Books Tuesday 1.12. at <paramref name="time"/> for an application (<c>OBJ ZOP</c>, then ANO): returns
    /// its code.</summary>
    public async Task<string> BookApplicationAsync(string time = "09:00")
    {
        await ExpectAsync($"OBJ ZOP 1.12. {time} Jana Novakova", "Jana Novakova");
        return Regex.Match(await ExpectAsync("ANO", @"Kod: \w{6}"), @"Kod: (\w{6})").Groups[1].Value;
    }

    /// <summary>Sends <paramref name="garbage"/> at every step of a booking, from the greeting to the summary: each time
    /// the step's hint, and the booking still goes through.</summary>
    public async Task GarbageAtEveryStepAsync(string garbage)
    {
        Assert.StartsWith("Dobry den", await SendAsync(garbage)); // nothing under way: the greeting
        await ExpectAsync(garbage, "^Poslete cislo 1 az 3");
        await SendAsync("1");
        await ExpectAsync(garbage, "^Poslete cislo 1 az 3");
        await SendAsync("1");
        await ExpectAsync(garbage, "^Poslete cislo dne");
        await SendAsync("1");
        await ExpectAsync(garbage, "^Poslete cislo casu");
        await SendAsync("1");
        await ExpectAsync(garbage, "^Napiste jmeno");
        await SendAsync("Jana Novakova");
        await ExpectAsync(garbage, "^Pro potvrzeni poslete ANO");
        await ExpectAsync("ANO", "Kod: ");
    }
}
