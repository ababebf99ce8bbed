namespace SmsBooking.TestSupport;

/// <summary>Waits for an effect by asking again and again, never by sleeping and hoping.</summary>
public static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? what = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(30);
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"not within {limit}: {what ?? "the awaited condition"}");
            }
            await Task.Delay(50);
        }
    }
}
