using System.Text.RegularExpressions;

namespace SmsBooking.SmsSimulator;

/// <summary>Runs a conversation script: <c>&gt; text</c> sends, <c>@+420601123456 &gt; text</c> sends from another
/// phone, <c>&lt; regex</c> expects the next received SMS to match, <c>/command</c> runs a chat command, <c>/set
/// KEY=VALUE</c> configures the in-process gateway before it starts, <c>#</c> comments. A named group of an expectation (<c>Kod: (?&lt;code&gt;\w{6})</c>) is remembered, and <c>{code}</c> in a
/// later message or command stands for it (<c>/ready {code}</c>). Prints a transcript; stops at the first mismatch.</summary>
public static partial class ScriptRunner
{
    [GeneratedRegex(@"\{([A-Za-z]+)\}")]
    private static partial Regex Placeholder();

    private static readonly TimeSpan OutboundWait = TimeSpan.FromSeconds(10);

    public abstract record Step(int Line);
    public sealed record Send(int Line, string? From, string Text) : Step(Line);
    public sealed record Expect(int Line, Regex Pattern) : Step(Line);
    public sealed record Command(int Line, string Text) : Step(Line);
    /// <summary><c>/set KEY=VALUE</c>: a setting of the in-process gateway, applied before it starts.</summary>
    public sealed record Setting(int Line, string Key, string Value) : Step(Line);

    /// <summary>Parses the script, or names the first bad line.</summary>
    public static IReadOnlyList<Step> Parse(string[] lines, out string? error)
    {
        error = null;
        var steps = new List<Step>();
        for (int i = 0; i < lines.Length; i++)
        {
            var n = i + 1;
            var line = lines[i].TrimEnd();
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            if (trimmed.StartsWith("> ", StringComparison.Ordinal) || trimmed == ">")
            {
                steps.Add(new Send(n, null, trimmed.Length > 2 ? trimmed[2..] : ""));
            }
            else if (trimmed.StartsWith('@') && trimmed.IndexOf(" > ", StringComparison.Ordinal) is var at and > 1)
            {
                steps.Add(new Send(n, trimmed[1..at].Trim(), trimmed[(at + 3)..]));
            }
            else if (trimmed.StartsWith("< ", StringComparison.Ordinal))
            {
                try
                {
                    steps.Add(new Expect(n, new Regex(trimmed[2..], RegexOptions.Singleline, TimeSpan.FromSeconds(1))));
                }
                catch (ArgumentException e)
                {
                    error = $"line {n}: bad regular expression: {e.Message}";
                    return steps;
                }
            }
            else if (trimmed.StartsWith("/set ", StringComparison.Ordinal))
            {
                var setting = trimmed[5..].Trim();
                var eq = setting.IndexOf('=');
                if (eq <= 0)
                {
                    error = $"line {n}: /set needs KEY=VALUE, found: {line}";
                    return steps;
                }
                steps.Add(new Setting(n, setting[..eq].Trim(), setting[(eq + 1)..].Trim()));
            }
            else if (trimmed.StartsWith('/'))
            {
                steps.Add(new Command(n, trimmed));
            }
            else
            {
                error = $"line {n}: expected '> text', '@+420... > text', '< regex', '/command' or '# comment', found: {line}";
                return steps;
            }
        }
        return steps;
    }

    /// <summary>Runs the steps; 0 when every expectation matched, 1 at the first mismatch.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<Step> steps, SimulatorSession session, TextWriter output)
    {
        var captured = new Dictionary<string, string>(StringComparer.Ordinal);
        string Fill(string text) => Placeholder().Replace(text, m => captured.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        foreach (var step in steps)
        {
            switch (step)
            {
                case Send send:
                    var text = Fill(send.Text);
                    output.WriteLine(send.From is null ? $"> {text}" : $"@{send.From} > {text}");
                    await session.SendAsync(text, send.From);
                    break;
                case Setting setting:
                    output.WriteLine($"/set {setting.Key}={setting.Value} (applied when the gateway started)");
                    break;
                case Command command:
                    var line = Fill(command.Text);
                    output.WriteLine(line);
                    await ChatCommands.RunAsync(line, session, output);
                    break;
                case Expect expect:
                    using (var timeout = new CancellationTokenSource(OutboundWait))
                    {
                        ReceivedSms received;
                        try
                        {
                            received = await session.Inbox.ReadAsync(timeout.Token);
                        }
                        catch (OperationCanceledException)
                        {
                            output.WriteLine($"MISMATCH at line {expect.Line}: nothing received within {OutboundWait.TotalSeconds:0} s, expected /{expect.Pattern}/");
                            return 1;
                        }
                        output.WriteLine(session.Describe(received));
                        var match = expect.Pattern.Match(received.Body);
                        if (!match.Success)
                        {
                            output.WriteLine($"MISMATCH at line {expect.Line}: expected /{expect.Pattern}/");
                            return 1;
                        }
                        foreach (var name in expect.Pattern.GetGroupNames().Where(n => !int.TryParse(n, out _)))
                        {
                            captured[name] = match.Groups[name].Value;
                        }
                    }
                    break;
            }
        }
        output.WriteLine("Script passed.");
        return 0;
    }
}
