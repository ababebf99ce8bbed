using NodaTime;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.BookingCore.Tests;

/// <summary>A counter's agendas and pause, and the office's notice on the board.</summary>
public abstract partial class QueueStoreContract
{
    [Fact]
    public async Task Next_WithTheCountersAgendas_CallsOnlyTicketsOfThoseAgendas_PriorityFirst_LeavingTheOthersInOrder()
    {
        var (store, queue) = Create();
        var bookings = await BookAsync(store, 3);
        // P001 for passports, P002 and P003 for identity cards; walk-ins A001 (OP), A002 (CP), A003 (EO).
        await queue.CheckInAsync(Day, bookings[0].Pin, bookings[0].Code, "CP", bookings[0].Start, Now);
        await CheckInAsync(queue, bookings[1]);
        await CheckInAsync(queue, bookings[2]);
        await queue.WalkInAsync(Day, "OP", Now);
        await queue.WalkInAsync(Day, "CP", Now);
        await queue.WalkInAsync(Day, "EO", Now);

        var passports = new List<string>();
        while (await queue.NextAsync(Day, "2", Now, ["CP"]) is { } call)
        {
            passports.Add(call.Ticket.Number);
        }
        Assert.Equal(["P001", "A002"], passports);
        Assert.Equal(["P002", "P003", "A001", "A003"], (await queue.SnapshotAsync(Day)).Waiting.Select(t => t.Number));

        Assert.Equal("P002", (await queue.NextAsync(Day, "1", Now, ["EO", "OP"]))!.Ticket.Number);
        Assert.Equal("P003", (await queue.NextAsync(Day, "3", Now, []))!.Ticket.Number); // none set: every agenda
        Assert.Equal("A001", (await queue.NextAsync(Day, "3", Now, null))!.Ticket.Number);
        Assert.Null(await queue.NextAsync(Day, "2", Now, ["CP"]));
        Assert.Equal("A003", (await queue.NextAsync(Day, "1", Now, ["EO", "OP"]))!.Ticket.Number);
    }

    [Fact]
    public async Task Next_TwoCountersOfDifferentAgendasAtOnce_CallEveryTicketOnce_EachOnlyItsOwn()
    {
        var (_, queue) = Create();
        for (int i = 0; i < 20; i++)
        {
            await queue.WalkInAsync(Day, i % 2 == 0 ? "OP" : "CP", Now);
        }
        async Task<List<Call>> Drain(string counter, string agenda)
        {
            var calls = new List<Call>();
            while (await queue.NextAsync(Day, counter, Now, [agenda]) is { } call)
            {
                calls.Add(call);
            }
            return calls;
        }
        var drained = await Task.WhenAll(Task.Run(() => Drain("1", "OP")), Task.Run(() => Drain("2", "CP")), Task.Run(() => Drain("3", "OP")));
        Assert.All(drained[0].Concat(drained[2]), c => Assert.Equal("OP", c.Ticket.AgendaId));
        Assert.All(drained[1], c => Assert.Equal("CP", c.Ticket.AgendaId));
        Assert.Equal(20, drained.SelectMany(d => d).Select(c => c.Ticket.Number).Distinct().Count());
        Assert.Equal(20, drained.Sum(d => d.Count));
    }

    [Fact]
    public async Task Pause_IsShownUntilItEnds_OrTheCounterCallsAgain_AndIsRefusedWhileServing()
    {
        var (_, queue) = Create();
        await queue.WalkInAsync(Day, "OP", Now);
        var before = await queue.VersionAsync(Day);
        Assert.Equal(PauseOutcome.Paused, await queue.PauseAsync(Day, "2", Now));
        Assert.True(await queue.VersionAsync(Day) > before); // the boards' feed sees it
        Assert.Equal(PauseOutcome.AlreadyPaused, await queue.PauseAsync(Day, "2", Now + Duration.FromMinutes(1)));
        Assert.Equal(Now, (await queue.SnapshotAsync(Day)).Paused["2"]); // since the first
        Assert.Empty((await queue.SnapshotAsync(Day.PlusDays(1))).Paused);

        Assert.True(await queue.ResumeAsync(Day, "2"));
        Assert.False(await queue.ResumeAsync(Day, "2"));
        Assert.Empty((await queue.SnapshotAsync(Day)).Paused);

        Assert.Equal(PauseOutcome.Paused, await queue.PauseAsync(Day, "2", Now));
        await queue.NextAsync(Day, "2", Now); // back: Další ends the pause
        Assert.Empty((await queue.SnapshotAsync(Day)).Paused);
        Assert.Equal(PauseOutcome.Serving, await queue.PauseAsync(Day, "2", Now)); // A001 first
        Assert.Empty((await queue.SnapshotAsync(Day)).Paused);
        await queue.DoneAsync(Day, "2", Now);
        Assert.Equal(PauseOutcome.Paused, await queue.PauseAsync(Day, "2", Now));
    }

    [Fact]
    public async Task Notice_IsTheDaysAlone_RaisesTheVersion_AndAnEmptyOneClearsIt()
    {
        var (_, queue) = Create();
        var end = Duration.FromHours(16);
        var before = await queue.VersionAsync(Day);
        await queue.SetNoticeAsync(Day, "Dnes do 12:00 pouze občanské průkazy", end);
        Assert.Equal("Dnes do 12:00 pouze občanské průkazy", (await queue.SnapshotAsync(Day)).Notice);
        Assert.True(await queue.VersionAsync(Day) > before);
        Assert.Null((await queue.SnapshotAsync(Day.PlusDays(1))).Notice);
        await queue.SetNoticeAsync(Day, "", end);
        Assert.Null((await queue.SnapshotAsync(Day)).Notice);
    }

    [Fact]
    public async Task CounterAgendas_AreSetPerCounter_AndAnEmptySettingRemovesIt()
    {
        var (_, queue) = Create();
        Assert.Empty(await queue.CounterAgendasAsync());
        await queue.SetCounterAgendasAsync("1", ["OP", "EO"]);
        await queue.SetCounterAgendasAsync("Přepážka 2", ["CP"]);
        var set = await queue.CounterAgendasAsync();
        Assert.Equal(["OP", "EO"], set["1"]);
        Assert.Equal(["CP"], set["Přepážka 2"]);
        await queue.SetCounterAgendasAsync("1", []);
        Assert.Equal(["Přepážka 2"], (await queue.CounterAgendasAsync()).Keys);
    }
}
