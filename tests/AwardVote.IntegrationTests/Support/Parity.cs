using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AwardVote.IntegrationTests.Support;

/// <summary>
/// What a refused form and a refused API request say, as text, so a test can hold a page and its endpoint to the
/// same refusal for the same input (one use case behind both).
/// </summary>
public static partial class Parity
{
    /// <summary>Every message of the form's error summary, in order.</summary>
    public static IReadOnlyList<string> FormErrors(string html)
    {
        var summary = SummaryPattern().Match(html);
        Assert.True(summary.Success, "The page shows no error summary: " + HtmlText(html)[..Math.Min(300, HtmlText(html).Length)]);
        return ItemPattern().Matches(summary.Groups[1].Value).Select(m => HtmlText(m.Groups[1].Value)).Where(t => t.Length > 0).ToList();
    }

    /// <summary>The messages of an API problem: every field error, or else its detail.</summary>
    public static async Task<IReadOnlyList<string>> ProblemMessagesAsync(HttpResponseMessage response)
    {
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        if (problem.TryGetProperty("errors", out var errors))
            return errors.EnumerateObject().SelectMany(field => field.Value.EnumerateArray().Select(e => e.GetString()!)).ToList();
        return [problem.GetProperty("detail").GetString()!];
    }

    /// <summary>The reason code an API problem carries.</summary>
    public static async Task<string?> ProblemCodeAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.TryGetProperty("code", out var code) ? code.GetString() : null;

    /// <summary>
    /// The page refused with a form showing a message that starts with <paramref name="message"/>, and the API with a
    /// problem saying the very same message.
    /// </summary>
    public static async Task AssertSameRefusalAsync(HttpResponseMessage page, HttpResponseMessage api, HttpStatusCode apiStatus, string message)
    {
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(apiStatus, api.StatusCode);
        var onPage = FormErrors(await page.Content.ReadAsStringAsync());
        var inApi = await ProblemMessagesAsync(api);
        var shown = Assert.Single(onPage, m => m.StartsWith(message, StringComparison.Ordinal));
        Assert.Contains(shown, inApi);
    }

    private static string HtmlText(string html) =>
        Regex.Replace(WebUtility.HtmlDecode(Regex.Replace(html, "<[^>]+>", " ")), @"\s+", " ").Trim();

    [GeneratedRegex("validation-summary-errors[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex SummaryPattern();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ItemPattern();
}
