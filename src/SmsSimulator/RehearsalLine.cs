namespace SmsBooking.SmsSimulator;

/// <summary>What the simulator says about the line it plays on, once and plainly, instead of the warnings a real
/// gateway gives its operators; and its one difference from a real line: no per-phone message limit, unless a
/// rehearsal sets one on purpose (issue 23, item 14).</summary>
public static class RehearsalLine
{
    public const string LimitKey = "Abuse:MaxMessagesPerWindow";

    /// <summary>More messages in a window than anyone types: staff rehearsing at typing speed never meet the limit.</summary>
    public const string NoLimit = "1000000";

    /// <summary>The line printed under the chat's first line.</summary>
    public static string Greeting(SimulatorOptions options) => options switch
    {
        { Url: not null } => $"This is the gateway at {options.Url}: what you book there stays there, and its own limits apply.",
        { Redis: not null } => $"A rehearsal line: no SMS reaches a real phone, but what you book is kept in Redis {ServersOf(options.Redis)}.",
        _ => "A rehearsal line: no SMS reaches a real phone, and nothing is kept when the simulator ends.",
    };

    /// <summary>The servers of a StackExchange.Redis configuration string, without its options: a <c>password=</c> in it
    /// must not reach the terminal (or a screen shared in a rehearsal).</summary>
    public static string ServersOf(string configuration) =>
        string.Join(",", configuration.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(p => !p.Contains('=')));

    /// <summary>Said after the gateway's "too many messages": why this line limits at all. Null where no limit can be
    /// met (the simulator's own line, without one set on purpose).</summary>
    public static string? LimitNote(SimulatorOptions options)
    {
        if (options.Url is not null)
        {
            return $"(the gateway's per-phone limit, {LimitKey}: past it one notice, then no reply until its window ends)";
        }
        var set = options.Settings.LastOrDefault(IsLimit);
        var source = "--set";
        if (set.Key is null)
        {
            set = options.ScriptSettings.LastOrDefault(IsLimit);
            source = "the script's /set";
        }
        return set.Key is null ? null
            : $"(the per-phone limit this rehearsal set on purpose, {LimitKey}={set.Value} by {source}: past it one notice, then no reply " +
              "until the window ends, as on a real line; without it the simulator's line has no limit)";
    }

    private static bool IsLimit(KeyValuePair<string, string> setting) => string.Equals(setting.Key, LimitKey, StringComparison.OrdinalIgnoreCase);
}
