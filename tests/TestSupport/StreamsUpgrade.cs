using System.Diagnostics;
using System.Globalization;
using SmsBooking.BookingCore.Outbound;
using StackExchange.Redis;

namespace SmsBooking.TestSupport;

/// <summary>What a version before the outbox on lists left in Redis, written here the way that version wrote it (its
/// stream commands, which no longer appear in <c>src</c>), and the upgrade script run on it as an operator would.</summary>
public static class StreamsUpgrade
{
    /// <summary>One undelivered message as the old outbox queued it: an entry of its shard's stream (consumer group
    /// <c>senders</c>) and its dedupe key. With <paramref name="heldBy"/>, a sender of the old version had taken it (and
    /// died): the entry is pending for that consumer and its hand-out count is one.</summary>
    public static async Task QueueOldMessageAsync(IDatabase db, string prefix, OutboundMessage m, string? heldBy = null)
    {
        var tag = $"{prefix}{{outbox:{OutboxShards.Of(m.To)}}}";
        RedisKey stream = tag + ":stream"; // a RedisKey: the cluster routes the raw commands by it
        if (!await db.KeyExistsAsync(stream))
        {
            await db.ExecuteAsync("XGROUP", "CREATE", stream, "senders", "0", "MKSTREAM");
        }
        await db.StringSetAsync($"{tag}:dedupe:{m.DedupeKey}", "1", TimeSpan.FromDays(7));
        var id = (string)(await db.ExecuteAsync("XADD", stream, "*", "to", m.To, "body", m.Body, "kind", m.Kind, "dedupe", m.DedupeKey,
            "created", m.CreatedAt.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)))!;
        if (heldBy is not null)
        {
            // The old sender reads the oldest entry nobody read yet: call this on the first message of a shard only.
            await db.ExecuteAsync("XREADGROUP", "GROUP", "senders", heldBy, "COUNT", "1", "STREAMS", stream, ">");
            await db.HashIncrementAsync(tag + ":attempts", id);
        }
    }

    /// <summary>An audit entry as the old log wrote it: a stream entry whose id is the server's time.</summary>
    public static Task WriteOldAuditEntryAsync(IDatabase db, string prefix, long serverMs, long atMs, string who, string action, string detail) =>
        db.ExecuteAsync("XADD", (RedisKey)$"{prefix}{{audit}}:stream", $"{serverMs}-0", "at", atMs.ToString(CultureInfo.InvariantCulture), "who", who, "action", action,
            "detail", detail);

    /// <summary>Runs <c>tools/upgrade/streams-to-lists.sh</c> against a server (a cluster's seed node works) and returns
    /// what it printed; throws when it fails.</summary>
    public static async Task<string> RunScriptAsync(string prefix, string configuration)
    {
        var seed = configuration.Split(',')[0];
        var colon = seed.LastIndexOf(':');
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Path.Combine(TestOffice.RepositoryRoot, "tools", "upgrade", "streams-to-lists.sh"), "--prefix", prefix, "-h", seed[..colon], "-p", seed[(colon + 1)..] })
        {
            psi.ArgumentList.Add(a);
        }
        using var script = Process.Start(psi)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        if (script.ExitCode != 0)
        {
            throw new InvalidOperationException($"streams-to-lists.sh failed ({script.ExitCode}): {await errors}");
        }
        return await output;
    }
}
