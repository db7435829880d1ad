using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
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
            var document = Markdown.Parse(SentencesStaySentences(markdown), Pipeline);
            return DepthOf(document) > MaxDepth ? null : document;
        }
        catch (Exception e) when (e is ArgumentException or InsufficientExecutionStackException)
        {
            return null;
        }
    }

    public static bool CanRender(string markdown) => Parse(markdown) is not null;

    private static readonly Regex OrderedMarker = new(@"^( {0,3})(\d{1,9})([.)])(?=[ \t]|$)", RegexOptions.CultureInvariant);
    private static readonly Regex DateFollows = new(
        @"^[ \t]+(janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);
    private static readonly Regex Fence = new(@"^ {0,3}(`{3,}|~{3,})", RegexOptions.CultureInvariant);
    private static readonly Regex OtherBlock = new(@"^ {0,3}([-+*][ \t]|#|>|\|)", RegexOptions.CultureInvariant);

    /// <summary>
    /// Latvian writes years, dates and ordinals with a dot: "2019. gadā", "15. martā", "2. kārtā". Markdown reads a line
    /// starting so as a list item numbered 2019, and a library's paragraph became a list. People start a list they mean
    /// with 1 and count on by one, so a number starts a list only as 1 (or 0), not followed by a month ("1. janvārī"),
    /// and continues one only as at most the previous number + 1 ("1. 1. 1." still works); any other such line gets
    /// its dot escaped ("2019\. gadā") and stays a sentence. Lines inside a fenced code block are left as written.
    /// </summary>
    public static string SentencesStaySentences(string markdown)
    {
        if (!markdown.Contains('.') && !markdown.Contains(')'))
            return markdown;
        var lines = markdown.Split('\n');
        string? fence = null;
        int? previousItem = null;
        var afterBlank = true;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (Fence.Match(line) is { Success: true } fenceMatch)
            {
                var marker = fenceMatch.Groups[1].Value;
                if (fence is null)
                    fence = marker;
                else if (marker[0] == fence[0] && marker.Length >= fence.Length)
                    fence = null;
                afterBlank = false;
                continue;
            }
            if (fence is not null)
                continue;
            if (string.IsNullOrWhiteSpace(line))
            {
                afterBlank = true;
                continue;
            }
            if (OrderedMarker.Match(line) is { Success: true } item)
            {
                var number = long.Parse(item.Groups[2].Value, CultureInfo.InvariantCulture);
                var rest = line[item.Length..];
                var isItem = previousItem is { } previous
                    ? number <= previous + 1
                    : number <= 1 && !DateFollows.IsMatch(rest);
                if (isItem)
                    previousItem = (int)number;
                else
                {
                    lines[i] = line[..item.Groups[3].Index] + "\\" + line[item.Groups[3].Index..];
                    if (afterBlank)
                        previousItem = null;
                }
            }
            else if (OtherBlock.IsMatch(line) || (afterBlank && !line.StartsWith("  ", StringComparison.Ordinal) && line[0] != '\t'))
            {
                // A bullet, heading, quote or table, or a paragraph after a blank line, ends the numbered list.
                previousItem = null;
            }
            afterBlank = false;
        }
        return string.Join('\n', lines);
    }

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
