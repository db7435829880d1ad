using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace AwardVote.Web.Nominations;

/// <summary>
/// Nomination texts are Markdown written by libraries: Markdig renders them with raw HTML switched off, and
/// HtmlSanitizer cleans the result once more, so no script, style or event handler ever reaches a page.
/// </summary>
public sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public IHtmlContent Render(string? markdown) =>
        string.IsNullOrWhiteSpace(markdown)
            ? HtmlString.Empty
            : new HtmlString(_sanitizer.Sanitize(Markdown.ToHtml(markdown, Pipeline)));

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
