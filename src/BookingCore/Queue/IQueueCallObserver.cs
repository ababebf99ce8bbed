using NodaTime;

namespace SmsBooking.BookingCore.Queue;

/// <summary>Told of each ticket a counter calls with "next" through <see cref="QueueService"/>, after the store made the
/// call: the SMS of the queue ("your turn soon", "called") hang on it.</summary>
/// <remarks>Runs on the gateway that made the call, right after the call's script. It must not throw: the call is made
/// and the counter is owed its answer whatever becomes of the SMS.</remarks>
public interface IQueueCallObserver
{
    Task CalledAsync(LocalDate date, Call call);
}
