namespace SmsBooking.SmsGateway.Screens;

/// <summary>One stream's place under the caps; disposing it (once) gives the place back.</summary>
public sealed class BoardStreamLease(BoardStreamRefusal refusal, Action? close) : IDisposable
{
    private Action? _close = close;

    public BoardStreamRefusal Refusal { get; } = refusal;

    public bool Granted => Refusal == BoardStreamRefusal.None;

    public static BoardStreamLease Refused(BoardStreamRefusal why) => new(why, null);

    public void Dispose() => Interlocked.Exchange(ref _close, null)?.Invoke();
}
