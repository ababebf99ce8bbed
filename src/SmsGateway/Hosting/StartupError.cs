using Microsoft.Extensions.Options;

namespace SmsBooking.SmsGateway.Hosting;

/// <summary>Turns a start-up failure caused by configuration into the one line an operator needs.</summary>
public static partial class StartupError
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']*)' to type '(?<type>[^']*)'")]
    private static partial System.Text.RegularExpressions.Regex ConversionFailureRegex();

    private static readonly System.Text.RegularExpressions.Regex ConversionFailure = ConversionFailureRegex();

    public static string? Describe(Exception e)
    {
        // The start-up validator throws every options class's failures at once: name them all, in one line.
        if (e is AggregateException aggregate && aggregate.InnerExceptions.OfType<OptionsValidationException>().ToList() is { Count: > 1 } all)
        {
            return "Configuration error: " + string.Join("; ", all.SelectMany(o => o.Failures).Distinct());
        }
        for (var current = e; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case OptionsValidationException ove:
                    return "Configuration error: " + string.Join("; ", ove.Failures);
                case InvalidOperationException ioe when ConversionFailure.Match(ioe.Message) is { Success: true } m:
                    // The binder's "Failed to convert configuration value 'soon' at 'Booking:HoldDuration' to type 'System.TimeSpan'."
                    return $"Configuration error: {m.Groups["key"].Value}: '{m.Groups["value"].Value}' is not a valid {m.Groups["type"].Value.Split('.')[^1]}";
                case FormatException or InvalidDataException when current.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase):
                    return "Configuration error: " + current.Message.Split('\n')[0].Trim();
            }
        }
        return null;
    }
}
