using SmsBooking.TestSupport;
using StackExchange.Redis;

namespace SmsBooking.BookingCore.Tests;

/// <summary>Why Garnet runs with <c>--lua-transaction-mode true</c> wherever the stores run on it: every store script
/// relies on running as one step, as it does on Redis.</summary>
public class GarnetScriptAtomicityTests
{
    // Read, a pause, write: on Redis no other command runs in between, so no increment is lost.
    private const string Increment = """
        local v = tonumber(redis.call('GET', KEYS[1]) or '0')
        for i = 1, 20000 do end
        redis.call('SET', KEYS[1], tostring(v + 1))
        return v + 1
        """;

    [Theory]
    [InlineData(true, true)] // the mode the tests and the embedded default use: every increment kept
    [InlineData(false, false)] // without it two scripts on one key interleave and increments are lost
    public async Task ScriptsOnOneKey_FromManyConnections_RunOneAtATimeOnlyInLuaTransactionMode(bool luaTransactions, bool expectAtomic)
    {
        using var server = TestGarnet.StartServer(out var configuration, luaTransactions);
        var connections = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => ConnectionMultiplexer.ConnectAsync(configuration)));
        try
        {
            const int perConnection = 200;
            // An interleaving is a race: a volley may happen to run one script at a time, so the mode without Lua
            // transactions gets up to five volleys to show a lost increment; the atomic mode must keep all in each.
            var allKept = true;
            for (var volley = 0; volley < (expectAtomic ? 1 : 5) && allKept; volley++)
            {
                var key = $"counter-{volley}";
                await Task.WhenAll(connections.Select(c => Task.Run(async () =>
                {
                    var db = c.GetDatabase();
                    for (int i = 0; i < perConnection; i++)
                    {
                        await db.ScriptEvaluateAsync(Increment, [key]);
                    }
                })));
                var total = (long)await connections[0].GetDatabase().StringGetAsync(key);
                allKept = total == connections.Length * perConnection;
            }
            Assert.Equal(expectAtomic, allKept);
        }
        finally
        {
            foreach (var c in connections)
            {
                c.Dispose();
            }
        }
    }
}
