using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Screens;

/// <summary>How many live board feeds (<c>/board/events</c>) this gateway holds open: at most
/// <c>Screens:MaxBoardStreamsPerKey</c> for one board key (every screen paired with it together) and
/// <c>Screens:MaxBoardStreams</c> for all boards. A stream past either is refused before it opens: 429 for the key's
/// cap, 503 for the gateway's, with <c>Retry-After</c>; the board's script then polls <c>/board/state</c> and tries the
/// feed again later.</summary>
/// <remarks>Counted per gateway: behind several replicas each keeps its own caps (a stream is a connection to one
/// replica, and it is that replica's connections the cap protects).</remarks>
public sealed class BoardStreams(IOptions<ScreenOptions> options)
{
    private readonly Dictionary<string, int> _perKey = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _total;

    /// <summary>How soon a refused board is asked to try its feed again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Streams open on this gateway now.</summary>
    public int Open
    {
        get
        {
            lock (_lock)
            {
                return _total;
            }
        }
    }

    /// <summary>Takes a place for one stream of the key <paramref name="keyHash"/>; the lease gives it back when disposed
    /// (at the end of the request, however it ends).</summary>
    public BoardStreamLease TryOpen(string keyHash)
    {
        var o = options.Value;
        lock (_lock)
        {
            if (_total >= o.MaxBoardStreams)
            {
                return BoardStreamLease.Refused(BoardStreamRefusal.GatewayFull);
            }
            var mine = _perKey.GetValueOrDefault(keyHash);
            if (mine >= o.MaxBoardStreamsPerKey)
            {
                return BoardStreamLease.Refused(BoardStreamRefusal.KeyFull);
            }
            _perKey[keyHash] = mine + 1;
            _total++;
        }
        return new BoardStreamLease(BoardStreamRefusal.None, () => Close(keyHash));
    }

    private void Close(string keyHash)
    {
        lock (_lock)
        {
            _total--;
            if (_perKey.TryGetValue(keyHash, out var n) && n > 1)
            {
                _perKey[keyHash] = n - 1;
            }
            else
            {
                _perKey.Remove(keyHash);
            }
        }
    }
}
