using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Turns a start-up failure caused by configuration into the one line an operator needs.</summary>
public static class StartupError
{
    public static string? Describe(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OptionsValidationException ove:
                    return "Configuration error: " + string.Join("; ", ove.Failures);
                case InvalidOperationException ioe when ioe.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal):
                    // The binder names the key: "Failed to convert configuration value at 'Booking:HoldDuration' to type ..."
                    return "Configuration error: " + ioe.Message.Split('\n')[0].Trim();
                case FormatException or InvalidDataException when current.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase):
                    return "Configuration error: " + current.Message.Split('\n')[0].Trim();
            }
        }
        return null;
    }
}
