namespace SmsBooking.SmsSimulator;

/// <summary>The chat's slash commands, shared by scripts.</summary>
public static class ChatCommands
{
    public const string Help = """
        /phone +420601999888   play another phone number
        /lang en | cz | ua     switch the conversation's language (sends EN, CZ or UA)
        /checkin 123456        enter a PIN at the office kiosk
        /time                  show the gateway's current time
        /advance 16m           move the in-process gateway's clock forward (s, m, h, d)
        /help                  this list
        /quit                  leave
        """;

    /// <summary>Runs one command; false when it was /quit.</summary>
    public static async Task<bool> RunAsync(string line, SimulatorSession session, TextWriter output)
    {
        var parts = line.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var argument = parts.Length > 1 ? parts[1] : "";
        switch (parts[0].ToLowerInvariant())
        {
            case "/quit" or "/exit":
                return false;
            case "/help":
                output.WriteLine(Help);
                break;
            case "/phone" when argument.StartsWith('+') && argument.Length > 4:
                session.Phone = argument;
                output.WriteLine($"Now playing {argument}.");
                break;
            case "/lang" when argument.ToLowerInvariant() is "en" or "cz" or "cs" or "ua" or "uk":
                await session.SendAsync(argument.ToLowerInvariant() switch { "en" => "EN", "ua" or "uk" => "UA", _ => "CZ" });
                break;
            case "/checkin" when argument.Length > 0:
                output.WriteLine($"kiosk: {await session.CheckInAsync(argument)}");
                break;
            case "/time":
                output.WriteLine($"gateway time: {session.Now()}");
                break;
            case "/advance" when SimulatorSession.TryParseDuration(argument, out var by):
                session.Advance(by);
                output.WriteLine($"clock moved {argument} forward: {session.Now()}");
                break;
            default:
                throw new SimulatorException($"not a command: {line} (see /help)");
        }
        return true;
    }
}
