namespace SmsBooking.BookingCore.Queue;

/// <summary>Tells the displays of this process that the queue just changed here, so that they need not wait for their
/// next look at the store's version (which catches the changes made through other gateways).</summary>
public sealed class QueueChanges
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next change.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    public void Notify() => Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
