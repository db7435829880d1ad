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
        // A run that checked nothing (axe not injected, an empty page) must not pass as "no violations".
        Assert.True(result.Passes.Length > 10, $"{label}: axe-core checked only {result.Passes.Length} rules");
        Report(label, result);
        var lines = new List<string>();
        foreach (var violation in result.Violations.Where(v => v.Impact is not null && Failing.Contains(v.Impact)))
        {
            var targets = string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString() ?? n.Html));
            lines.Add($"{label}: {violation.Id} ({violation.Impact}) — {violation.Help} — at {targets}");
        }
        return lines;
    }

    /// <summary>
    /// Every finding of every impact, and what axe could not decide (e.g. contrast over an image), into the
    /// artefacts folder: the test fails only on serious and critical ones, the rest is for a person to read.
    /// </summary>
    private static void Report(string label, AxeResult result)
    {
        var text = new StringBuilder();
        foreach (var item in result.Violations)
            text.Append($"{label}\tviolation\t{item.Id}\t{item.Impact}\t{string.Join(" | ", item.Nodes.Select(n => n.Target?.ToString()))}\n");
        foreach (var item in result.Incomplete)
            text.Append($"{label}\tincomplete\t{item.Id}\t{item.Impact}\t{string.Join(" | ", item.Nodes.Select(n => n.Target?.ToString()))}\n");
        lock (ReportLock)
            File.AppendAllText(Path.Combine(AwardVote.Tests.TestEnvironment.ArtifactsDirectory, "axe-report.tsv"), text.ToString());
    }

    private static readonly Lock ReportLock = new();

    public static string Describe(IEnumerable<string> lines)
    {
        var text = new StringBuilder("axe-core found serious or critical violations:\n");
        foreach (var line in lines)
            text.Append("  ").Append(line).Append('\n');
        return text.ToString();
    }
}
