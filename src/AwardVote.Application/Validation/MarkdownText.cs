using System.ComponentModel.DataAnnotations;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Localization;

namespace AwardVote.Application.Validation;

/// <summary>
/// The Markdown the nominations are written in: one pipeline for the check on save and for the pages that render it.
/// Markdig refuses (throws) past 128 levels of nesting, so a text of ">>>>…" or "[[[[…" saved unchecked broke every
/// page that showed it; no person nests more than a handful of lists or quotes, so more than <see cref="MaxDepth"/>
/// levels is refused on save, and the pages show such a text (saved before this rule) as plain text.
/// </summary>
public static class MarkdownText
{
    public const int MaxDepth = 32;

    public static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder()
        .DisableHtml()
        .UseAutoLinks()
        .UsePipeTables()
        .UseEmphasisExtras()
        .Build();

    /// <summary>The parsed text when it renders safely; null when it is nested deeper than a page shows.</summary>
    public static MarkdownDocument? Parse(string markdown)
    {
        try
        {
            var document = Markdown.Parse(markdown, Pipeline);
            return DepthOf(document) > MaxDepth ? null : document;
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            return null;
        }
    }

    public static bool CanRender(string markdown) => Parse(markdown) is not null;

    // Walked with a stack of its own: the tree checked is the one too deep for recursion.
    private static int DepthOf(MarkdownDocument document)
    {
        var deepest = 0;
        var pending = new Stack<(MarkdownObject Node, int Depth)>();
        pending.Push((document, 0));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            if (depth > MaxDepth)
                break;
            switch (node)
            {
                case ContainerBlock container:
                    foreach (var child in container)
                        pending.Push((child, depth + 1));
                    break;
                case LeafBlock { Inline: { } inline }:
                    pending.Push((inline, depth + 1));
                    break;
                case ContainerInline inlines:
                    for (var child = inlines.FirstChild; child is not null; child = child.NextSibling)
                        pending.Push((child, depth + 1));
                    break;
            }
        }
        return deepest;
    }
}

/// <summary>Markdown a page can show: nested no deeper than <see cref="MarkdownText.MaxDepth"/> levels.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ShowableMarkdownAttribute : ValidationAttribute
{
    public ShowableMarkdownAttribute() =>
        ErrorMessage = "{0} is nested too deeply to be shown (lists or quotes inside one another too many times). Simplify the text and save again.";

    public override bool IsValid(object? value) => value is not string text || string.IsNullOrWhiteSpace(text) || MarkdownText.CanRender(text);

    // Worded in the request's language by the attribute itself, as MailAddressAttribute is: MVC translates only the
    // attributes it knows.
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (IsValid(value))
            return ValidationResult.Success;
        var message = validationContext.GetService(typeof(IStringLocalizer)) is IStringLocalizer l
            ? l[ErrorMessageString, validationContext.DisplayName].Value
            : FormatErrorMessage(validationContext.DisplayName);
        return new ValidationResult(message, validationContext.MemberName is { } member ? [member] : null);
    }
}
