using System.Net;
using AwardVote.Application.Validation;
using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace AwardVote.Web.Nominations;

/// <summary>
/// Nomination texts are Markdown written by libraries: Markdig renders them with raw HTML switched off, and
/// HtmlSanitizer cleans the result once more, so no script, style or event handler ever reaches a page. A text nested
/// too deeply to render (saved before <see cref="ShowableMarkdownAttribute"/> refused it) is shown as plain text: a
/// page that shows it never fails.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
            return HtmlString.Empty;
        if (MarkdownText.Parse(markdown) is { } document)
        {
            try
            {
                return new HtmlString(_sanitizer.Sanitize(document.ToHtml(MarkdownText.Pipeline)));
            }
            catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
            {
                // Markdig's own limits, should they ever be stricter than MarkdownText's: plain text below.
            }
        }
        return PlainText(markdown);
    }

    /// <summary>The text as written, its paragraphs and lines kept, every character shown as itself.</summary>
    private static HtmlString PlainText(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => "<p>" + WebUtility.HtmlEncode(p).Replace("\n", "<br>") + "</p>");
        return new HtmlString(string.Join("", paragraphs));
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        // Links written by a library leave AwardVote without passing the reader's session along.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Html.Dom.IHtmlAnchorElement anchor)
                anchor.SetAttribute("rel", "nofollow noopener noreferrer");
        };
        sanitizer.AllowedAttributes.Add("rel");
        return sanitizer;
    }
}
