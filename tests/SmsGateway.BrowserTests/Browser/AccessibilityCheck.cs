using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace SmsBooking.SmsGateway.Tests.Browser;

/// <summary>axe-core (Deque's, bundled with its Playwright package) run inside the page: no serious or critical
/// violation of WCAG 2.2 A/AA; and, on the way, no Content-Security-Policy violation reported (<see cref="CspWatch"/>).</summary>
public static class AccessibilityCheck
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        await CspWatch.AssertNoViolationsAsync(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, string.Join("\n", serious.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }

    /// <summary>No violation at all, of any impact, of WCAG 2.1 A/AA (and 2.2 AA): the web booking's bar.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        await CspWatch.AssertNoViolationsAsync(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
        });
        Assert.True(result.Violations.Length == 0, $"{page.Url}:\n" + string.Join("\n", result.Violations.Select(v =>
            $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
    }
}
