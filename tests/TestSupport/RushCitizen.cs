namespace SmsBooking.TestSupport;

/// <summary>A citizen in a rush for Evidence obyvatel, as the race tests and the benchmark's rush play one: takes
/// whatever is offered until booked or told that nothing is left.</summary>
public static class RushCitizen
{
    /// <summary>What a losing citizen is told: the time was just taken, the day has no time left, nothing is free.</summary>
    public const string LoserPattern = "obsazen|zadny volny|uz neni volny";

    /// <summary>Walks the conversation through <paramref name="send"/> (a text in, the reply out, empty for none) and
    /// returns the last reply. Citizens aim at different times first (by <paramref name="aim"/>), then take the first
    /// one offered.</summary>
    public static async Task<string> WalkAsync(Func<string, Task<string>> send, int aim)
    {
        await send("Dobry den");
        await send("3");
        var reply = await send("1");
        for (int step = 0; step < 12; step++)
        {
            if (reply.Contains("Kod: ", StringComparison.Ordinal) || reply.Contains("zadny volny", StringComparison.Ordinal))
            {
                return reply;
            }
            if (reply.Contains("drzime", StringComparison.Ordinal))
            {
                reply = await send("Jana Novakova");
            }
            else if (reply.Contains("Souhrn", StringComparison.Ordinal))
            {
                reply = await send("ANO");
            }
            else if (reply.Contains("\n1 ", StringComparison.Ordinal))
            {
                var count = reply.Split('\n').Count(l => l.Length > 2 && char.IsDigit(l[0]) && l.Contains(' '));
                reply = await send((step < 4 ? aim % Math.Max(1, count) + 1 : 1).ToString());
            }
            else
            {
                return reply;
            }
        }
        return reply;
    }
}
