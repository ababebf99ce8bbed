using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>Watches a page for Content-Security-Policy violations, as the browser reports them: the
/// <c>securitypolicyviolation</c> event of every document the page shows (recorded by a script Playwright adds before
/// the page's own, which the policy does not govern) and the console's "Refused to …" errors, across navigations. Every
/// page of <see cref="Chromium.NewPageAsync"/> is watched; <see cref="AccessibilityCheck"/> asserts it on every screen it
/// checks.</summary>
public static class CspWatch
{
    private const string Recorder = """
        window.__cspViolations = [];
        document.addEventListener("securitypolicyviolation", e =>
            window.__cspViolations.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));
        """;

    private static readonly ConditionalWeakTable<IPage, List<string>> Console = new();

    public static async Task WatchAsync(IBrowserContext context, IPage page)
    {
        await context.AddInitScriptAsync(Recorder);
        var seen = Console.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (seen)
                {
                    seen.Add(message.Text);
                }
            }
        };
    }

    /// <summary>Every violation reported so far: the console's since the page was opened, the event's in this document.</summary>
    public static async Task<IReadOnlyList<string>> ViolationsAsync(IPage page)
    {
        var events = await page.EvaluateAsync<string[]?>("() => window.__cspViolations || null")
            ?? throw new InvalidOperationException("this page is not watched for CSP violations (open it with Chromium.NewPageAsync)");
        List<string> console;
        var seen = Console.GetOrCreateValue(page);
        lock (seen)
        {
            console = [.. seen];
        }
        return [.. events, .. console];
    }

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var violations = await ViolationsAsync(page);
        Assert.True(violations.Count == 0, $"Content-Security-Policy violations on {page.Url}:\n" + string.Join("\n", violations));
    }
}
