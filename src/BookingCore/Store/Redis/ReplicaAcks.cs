using System.Collections.Concurrent;
using System.Net;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Store.Redis;

/// <summary>Waits until writes are on <c>Redis:MinReplicaAcks</c> replicas before the citizen is told about them:
/// Redis' <c>WAIT numreplicas timeout</c> on the node that owns each written key's slot.</summary>
/// <remarks>
/// <para><c>WAIT</c> counts the replicas that have the connection's own last write, and it blocks the connection
/// while it waits. On the one multiplexed connection every request of the gateway shares, a replica that lags would
/// stall them all for <c>Redis:ReplicaAckTimeout</c> per wait. So the waits run on a second connection of their own:
/// each round writes a small marker key on the node (sent with <c>NoRedirect</c>, so that it lands on that node or
/// fails) and then waits for it. A node has one replication stream, so a replica that has the marker has every write
/// the node answered before the marker was sent, whichever connection made it.</para>
/// <para>Waits for one node are grouped: while a round is out, everyone who arrives joins the next round, which is
/// sent when the current one ends. A step waits at most about two rounds, and one round per node is out at a time,
/// however many citizens confirm at once.</para>
/// <para>A node that cannot be asked (gone, failed over, slot moved) counts as no acknowledgement: the caller tells
/// the citizen to try again, which is always safe.</para>
/// </remarks>
public sealed class ReplicaAcks : IDisposable
{
    private const long MarkerLifeMs = 60_000;
    private const int MarkerSearchLimit = 16_384;

    private readonly IConnectionMultiplexer _data;
    private readonly Lazy<IConnectionMultiplexer> _waits;
    private readonly RedisKeys _keys;
    private readonly ConcurrentDictionary<EndPoint, Lane> _lanes = new();

    /// <param name="data">The connection the writes went through: it says which node owns a key.</param>
    /// <param name="connect">Opens the second connection the waits run on (only when <paramref name="required"/> is
    /// more than 0).</param>
    public ReplicaAcks(IConnectionMultiplexer data, Func<IConnectionMultiplexer> connect, RedisKeys keys, int required, TimeSpan timeout)
    {
        _data = data;
        _keys = keys;
        Required = required;
        Timeout = timeout;
        _waits = new Lazy<IConnectionMultiplexer>(connect, LazyThreadSafetyMode.ExecutionAndPublication);
        if (required > 0)
        {
            _ = _waits.Value; // connect now, not on a citizen's first confirmation
        }
    }

    /// <summary>Replicas each write must reach; 0: <see cref="EnsureAsync"/> returns at once.</summary>
    public int Required { get; }

    public TimeSpan Timeout { get; }

    /// <summary>Returns once every node that owns one of <paramref name="written"/> has had its writes so far
    /// acknowledged by <see cref="Required"/> replicas; throws <see cref="ReplicasBehindException"/> otherwise.</summary>
    /// <param name="step">What was written, for the exception (and so the log line and metric).</param>
    public async Task EnsureAsync(string step, params RedisKey[] written)
    {
        if (Required == 0)
        {
            return;
        }
        var nodes = new HashSet<EndPoint>();
        foreach (var key in written)
        {
            EndPoint? node;
            try
            {
                node = _data.GetServer(key, flags: CommandFlags.DemandMaster).EndPoint;
            }
            catch (Exception e) when (e is InvalidOperationException or RedisException)
            {
                throw new ReplicasBehindException(step, 0, Required, Timeout, e); // nobody owns the slot just now
            }
            nodes.Add(node);
        }
        var answers = await Task.WhenAll(nodes.Select(AcknowledgedAsync));
        var fewest = answers.MinBy(a => a.Count);
        if (fewest.Count < Required)
        {
            throw new ReplicasBehindException(step, fewest.Count, Required, Timeout, fewest.Error);
        }
    }

    /// <summary>How many replicas acknowledge a fresh write on each primary now: the readiness check's view of
    /// replica lag. Empty when no primary is connected.</summary>
    public async Task<IReadOnlyList<(EndPoint Node, long Acknowledged)>> ProbeAsync()
    {
        var primaries = _data.GetServers().Where(s => s.IsConnected && !s.IsReplica).Select(s => s.EndPoint).ToList();
        var answers = await Task.WhenAll(primaries.Select(AcknowledgedAsync));
        return primaries.Zip(answers, (node, a) => (node, a.Count)).ToList();
    }

    private async Task<(long Count, Exception? Error)> AcknowledgedAsync(EndPoint node)
    {
        try
        {
            return (await JoinAsync(node, _lanes.GetOrAdd(node, _ => new Lane())), null);
        }
        catch (Exception e) when (e is RedisException or RedisCommandException or InvalidOperationException or ArgumentException)
        {
            return (0, e);
        }
    }

    /// <summary>One node's waits: the round out now, and the next one, which takes waiters until it is sent.</summary>
    private sealed class Lane
    {
        public readonly object Gate = new();
        public Task Running = Task.CompletedTask;
        public TaskCompletionSource<long>? Open;
        public string? Marker;
    }

    private Task<long> JoinAsync(EndPoint node, Lane lane)
    {
        lock (lane.Gate)
        {
            if (lane.Open is { } open)
            {
                return open.Task;
            }
            var round = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
            lane.Open = round;
            lane.Running = RunAfterAsync(lane.Running, node, lane, round);
            return round.Task;
        }
    }

    private async Task RunAfterAsync(Task previous, EndPoint node, Lane lane, TaskCompletionSource<long> round)
    {
        await previous.ConfigureAwait(false); // never faults: see below
        lock (lane.Gate)
        {
            // Closed: whoever comes now may have written after this round's marker is sent, so waits for the next.
            if (lane.Open == round)
            {
                lane.Open = null;
            }
        }
        try
        {
            round.SetResult(await RoundAsync(node, lane).ConfigureAwait(false));
        }
        catch (Exception e)
        {
            lane.Marker = null; // the slot may have moved: look the marker up again next time
            round.SetException(e);
        }
    }

    /// <summary>The marker write and the WAIT, pipelined on the wait connection to that one node.</summary>
    /// <remarks>The data connection names the node the master of the written keys; the wait connection carries no
    /// other traffic, so after a failover nothing told it that the replica it knew was promoted, and the client refuses
    /// a write to a node it believes a replica ("Command cannot be issued to a replica"): every acknowledgement of
    /// that shard failed until its next own re-read. It re-reads who is master now, once a round at most.</remarks>
    private async Task<long> RoundAsync(EndPoint node, Lane lane)
    {
        lane.Marker ??= MarkerOn(node);
        var server = _waits.Value.GetServer(node);
        if (server.IsReplica)
        {
            await _waits.Value.ConfigureAsync().ConfigureAwait(false);
            server = _waits.Value.GetServer(node);
        }
        var marker = server.ExecuteAsync("SET", [lane.Marker, "1", "PX", MarkerLifeMs], CommandFlags.NoRedirect);
        var wait = server.ExecuteAsync("WAIT", [Required, Math.Max(1, (long)Timeout.TotalMilliseconds)], CommandFlags.NoRedirect);
        await Task.WhenAll(marker, wait).ConfigureAwait(false);
        return (long)await wait;
    }

    /// <summary>A marker key whose slot the node owns (any key on a single Redis; on a cluster, the first of
    /// <c>{ack:0}</c>, <c>{ack:1}</c>, ... that the data connection routes to the node).</summary>
    private string MarkerOn(EndPoint node)
    {
        if (_data.GetServer(node).ServerType != ServerType.Cluster)
        {
            return _keys.AckMarker(0).ToString();
        }
        for (int n = 0; n < MarkerSearchLimit; n++)
        {
            var key = _keys.AckMarker(n);
            if (_data.GetServer(key, flags: CommandFlags.DemandMaster).EndPoint.Equals(node))
            {
                return key.ToString();
            }
        }
        throw new InvalidOperationException("no slot of the cluster is known to belong to the node");
    }

    public void Dispose()
    {
        if (_waits.IsValueCreated)
        {
            _waits.Value.Dispose();
        }
    }
}
