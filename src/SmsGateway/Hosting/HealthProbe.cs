namespace SmsBooking.SmsGateway.Hosting;

/// <summary>A one-shot HTTP probe for container health checks: exit 0 when the URL answers 2xx.</summary>
public static class HealthProbe
{
    public static async Task<int> RunAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(3) };
        try
        {
            using var response = await http.GetAsync(url);
            return response.IsSuccessStatusCode ? 0 : 1;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException or InvalidOperationException)
        {
            Console.Error.WriteLine($"health probe failed: {e.Message}");
            return 1;
        }
    }
}
