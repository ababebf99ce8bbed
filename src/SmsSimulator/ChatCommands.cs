namespace SmsBooking.SmsSimulator;

/// <summary>The chat's slash commands, shared by scripts.</summary>
public static class ChatCommands
{
    public const string Help = """
        /phone +420601999888   play another phone number
        /lang en | cz | ua     switch the conversation's language (sends EN, CZ or UA)
        /checkin 123456        enter a PIN at the office kiosk
        /next 1                counter 1 calls the next ticket (the clerk's Dalsi)
        /close 1.12.2026 nemoc close a whole day (the staff): every booking cancelled, each citizen told why and offered a time
        /cancel 1.12. K7M3QX porucha   cancel one booking (the staff), with a reason and an offer
        /ready K7M3QX          a document is ready (the staff), named by the application's booking code
        /ready +420601123456 OP Jana Novakova   ... or by phone, agenda and name
        /time                  show the gateway's current time
        /advance 16m           move the in-process gateway's clock forward (s, m, h, d)
        /at 7.12.2026 07:55    move it forward to that day and time
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
            case "/close" when argument.Split(' ', 2) is [var day, var reason] && session.TryParseDate(day, out var closeDate):
                output.WriteLine($"office: {await session.CloseAsync(closeDate, reason.Trim())}");
                break;
            case "/cancel" when argument.Split(' ', 3) is [var day, var code, var reason] && session.TryParseDate(day, out var cancelDate):
                output.WriteLine($"office: {await session.CancelAsync(cancelDate, code, reason.Trim())}");
                break;
            case "/ready" when argument.Split(' ', 3) is [var phone, var agenda, var name] && phone.StartsWith('+'):
                output.WriteLine($"office: {await session.ReadyAsync("", phone, agenda, name.Trim())}");
                break;
            case "/ready" when argument.Length > 0 && !argument.Contains(' '):
                output.WriteLine($"office: {await session.ReadyAsync(argument)}");
                break;
            case "/next" when argument.Length > 0:
                output.WriteLine(await session.NextAsync(argument));
                break;
            case "/at" when argument.Split(' ', 2) is [var atDay, var atTime] && session.TryParseDate(atDay, out var atDate)
                && NodaTime.Text.LocalTimePattern.CreateWithInvariantCulture("H:mm").Parse(atTime.Trim()) is { Success: true } parsedTime:
                session.AdvanceTo(atDate.At(parsedTime.Value));
                output.WriteLine($"clock moved to {session.Now()}");
                break;
            case "/set":
                output.WriteLine("Settings are read when the gateway starts: run the simulator with --set KEY=VALUE (a script may carry /set lines).");
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
