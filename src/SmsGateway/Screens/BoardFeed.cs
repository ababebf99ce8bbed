using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using SmsBooking.BookingCore.Queue;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>The boards' live feed: one reader per gateway watches the day's queue version and reads the board once per
/// change and writes its JSON once, however many boards are connected; each connected board gets every new state as a
/// server-sent event.</summary>
/// <remarks>
/// A change made through this gateway wakes the reader at once (<see cref="QueueChanges"/>); a change made through
/// another replica is seen at the next look at the version in the store, every <see cref="PollInterval"/>, so a board on
/// any replica shows a call well within a second. The reader looks only while a board is connected. Without a change
/// the last state is sent again every <see cref="Heartbeat"/>, so a board can tell a quiet office from a lost connection,
/// and the board is read afresh every <see cref="Refresh"/> (the day's counts also change with time alone).
/// </remarks>
public sealed class BoardFeed(BoardViews views, QueueService queue, TimeProvider time, ILogger<BoardFeed> log) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    public static readonly TimeSpan Refresh = TimeSpan.FromSeconds(30);

    /// <summary>How soon a board whose connection broke tries again (the <c>retry:</c> field of each event).</summary>
    public static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>The latest board and its JSON, written once per change for every connected board.</summary>
    private sealed record Published(BoardView View, string Json);

    private Published? _latest;
    private TaskCompletionSource _published = NewSignal();
    private TaskCompletionSource _subscribed = NewSignal();
    private int _boards;

    /// <summary>Boards connected to this gateway now.</summary>
    public int Boards => Volatile.Read(ref _boards);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        long seen = -1;
        var readAt = DateTimeOffset.MinValue;
        var failing = false;
        while (!stopping.IsCancellationRequested)
        {
            var localChange = queue.Changes.Next;
            if (Boards > 0)
            {
                try
                {
                    var version = await queue.VersionAsync();
                    if (version != seen || Volatile.Read(ref _latest) is null || time.GetUtcNow() - readAt >= Refresh)
                    {
                        var view = await views.ReadAsync();
                        (seen, readAt) = (view.Version, time.GetUtcNow());
                        Publish(view);
                    }
                    if (failing)
                    {
                        log.LogInformation("The boards' feed reads the queue again");
                        failing = false;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // Once per outage: the boards keep their last state and reconnect by themselves.
                    if (!failing)
                    {
                        log.LogWarning("The boards' feed cannot read the queue ({Error}); boards keep their last state", e.GetType().Name);
                        failing = true;
                    }
                }
            }
            var subscribed = Volatile.Read(ref _subscribed).Task;
            try
            {
                // With no board connected there is nothing to look at until one connects.
                await (Boards > 0
                    ? Task.WhenAny(Task.Delay(PollInterval, time, stopping), localChange, subscribed)
                    : subscribed.WaitAsync(stopping));
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>The board's states for one connection, from the latest one on, until the board goes away, the gateway
    /// stops (the board then reconnects, to this gateway when it is back or to another), or, asked every
    /// <see cref="Heartbeat"/>, <paramref name="stillPaired"/> says the board's pairing was revoked (it then reconnects
    /// and is refused).</summary>
    public async IAsyncEnumerable<SseItem<string>> EventsAsync([EnumeratorCancellation] CancellationToken aborted, CancellationToken stopping,
        Func<Task<bool>>? stillPaired = null)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(aborted, stopping);
        var token = linked.Token;
        Interlocked.Increment(ref _boards);
        Interlocked.Exchange(ref _subscribed, NewSignal()).TrySetResult();
        try
        {
            Published? sent = null;
            var sentAt = time.GetUtcNow();
            var checkedAt = sentAt;
            while (!token.IsCancellationRequested)
            {
                if (stillPaired is not null && time.GetUtcNow() - checkedAt >= Heartbeat)
                {
                    checkedAt = time.GetUtcNow();
                    if (!await StillPairedAsync(stillPaired))
                    {
                        yield break;
                    }
                }
                var published = Volatile.Read(ref _published).Task;
                var latest = Volatile.Read(ref _latest);
                if (latest is not null && (!ReferenceEquals(latest, sent) || time.GetUtcNow() - sentAt >= Heartbeat))
                {
                    yield return new SseItem<string>(latest.Json, "board")
                    {
                        EventId = latest.View.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        ReconnectionInterval = Reconnect,
                    };
                    (sent, sentAt) = (latest, time.GetUtcNow());
                }
                await Task.WhenAny(published, Task.Delay(Heartbeat, time, token));
            }
        }
        finally
        {
            Interlocked.Decrement(ref _boards);
        }
    }

    /// <summary>A store that does not answer is no revocation: the feed goes on showing what it has.</summary>
    private static async Task<bool> StillPairedAsync(Func<Task<bool>> stillPaired)
    {
        try
        {
            return await stillPaired();
        }
        catch (Exception e) when (Hosting.StoreUnavailable.IsStoreDown(e))
        {
            return true;
        }
    }

    private void Publish(BoardView view)
    {
        Volatile.Write(ref _latest, new Published(view, System.Text.Json.JsonSerializer.Serialize(view, BoardViews.Json)));
        Interlocked.Exchange(ref _published, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
