using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests.Accessibility;

/// <summary>axe-core (the copy embedded in Deque.AxeCore.Playwright, no network) on the page as it stands.</summary>
public static class Axe
{
    /// <summary>The impacts that fail a test: WCAG failures a user certainly meets.</summary>
    private static readonly HashSet<string> Failing = ["serious", "critical"];

    /// <summary>Runs axe with the WCAG 2.x A and AA rules and best practices; returns one line per serious or critical violation.</summary>
    public static async Task<List<string>> SeriousViolationsAsync(IPage page, string label)
    {
        var options = new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] },
        };
        var result = await page.RunAxe(options);
        var lines = new List<string>();
        foreach (var violation in result.Violations.Where(v => v.Impact is not null && Failing.Contains(v.Impact)))
        {
            var targets = string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString() ?? n.Html));
            lines.Add($"{label}: {violation.Id} ({violation.Impact}) — {violation.Help} — at {targets}");
        }
        return lines;
    }

    public static string Describe(IEnumerable<string> lines)
    {
        var text = new StringBuilder("axe-core found serious or critical violations:\n");
        foreach (var line in lines)
            text.Append("  ").Append(line).Append('\n');
        return text.ToString();
    }
}
