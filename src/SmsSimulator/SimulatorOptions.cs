namespace SmsBooking.SmsSimulator;

/// <summary>The simulator's command line.</summary>
public sealed record SimulatorOptions
{
    public string? Url { get; init; }
    public string? AuthToken { get; init; }
    public string? Listen { get; init; }
    public string? Redis { get; init; }
    public string? Script { get; init; }
    public string Phone { get; init; } = "+420601123456";
    public string? Config { get; init; }
    public string KioskKey { get; init; } = "";
    /// <summary><c>X-Api-Key</c> of a <c>staff</c> key for the staff commands against a running gateway.</summary>
    public string StaffKey { get; init; } = "";
    /// <summary><c>X-Api-Key</c> of a <c>counter</c> key for <c>/next</c> against a running gateway.</summary>
    public string CounterKey { get; init; } = "";
    /// <summary>Extra settings for the in-process gateway, <c>Key=Value</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];
    public bool Help { get; init; }

    public const string Usage = """
        SMS simulator: plays a phone against a booking gateway, over HTTP as Twilio does.

          dotnet run --project src/SmsSimulator [options]

          (no options)          start a gateway in-process (its store an in-process Garnet) and chat with it
          --redis HOST:PORT     the in-process gateway uses this Redis instead
          --config FILE         extra gateway configuration (JSON) for the in-process gateway
          --url URL             talk to a running gateway instead (needs --auth-token)
          --auth-token TOKEN    the gateway's Twilio:AuthToken, to sign webhooks
          --listen URL          where the stand-in for Twilio's REST API listens (the gateway's Twilio:ApiBaseUrl)
          --kiosk-key KEY       X-Api-Key for /checkin against a running gateway
          --staff-key KEY       X-Api-Key of a staff key for /close, /ready, /cancel against a running gateway
          --counter-key KEY     X-Api-Key of a counter key for /next against a running gateway
          --set KEY=VALUE       a setting of the in-process gateway, e.g. --set Booking:HoldDuration=00:02:00
          --phone NUMBER        the phone number to play (default +420601123456)
          --script FILE         run a script instead of a chat; exit 1 on the first mismatch

        In the chat, lines starting with / are commands (/help lists them); anything else is an SMS.
        """;

    private static KeyValuePair<string, string> Setting(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0)
        {
            throw new ArgumentException($"--set needs KEY=VALUE, found '{text}'");
        }
        return new(text[..eq], text[(eq + 1)..]);
    }

    /// <summary>Parses the arguments, or says what is wrong with them.</summary>
    public static SimulatorOptions Parse(string[] args, out string? error)
    {
        error = null;
        var options = new SimulatorOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string Next()
            {
                if (i + 1 >= args.Length)
                {
                    throw new ArgumentException($"{args[i]} needs a value");
                }
                return args[++i];
            }
            try
            {
                options = args[i] switch
                {
                    "--url" => options with { Url = Next() },
                    "--auth-token" => options with { AuthToken = Next() },
                    "--listen" => options with { Listen = Next() },
                    "--redis" => options with { Redis = Next() },
                    "--script" => options with { Script = Next() },
                    "--phone" => options with { Phone = Next() },
                    "--config" => options with { Config = Next() },
                    "--kiosk-key" => options with { KioskKey = Next() },
                    "--staff-key" => options with { StaffKey = Next() },
                    "--counter-key" => options with { CounterKey = Next() },
                    "--set" => options with { Settings = [.. options.Settings, Setting(Next())] },
                    "-h" or "--help" => options with { Help = true },
                    _ => throw new ArgumentException($"unknown option {args[i]}"),
                };
            }
            catch (ArgumentException e)
            {
                error = e.Message;
                return options;
            }
        }
        if (options.Url is not null && string.IsNullOrEmpty(options.AuthToken))
        {
            error = "--url needs --auth-token (the gateway's Twilio:AuthToken) to sign webhooks";
        }
        if (options.Url is not null && options.Redis is not null)
        {
            error = "--redis is for the in-process gateway; a gateway at --url has its own store";
        }
        return options;
    }
}
