using AwardVote.Application;
using AwardVote.Application.Nominations;
using AwardVote.Application.Validation;
using AwardVote.Web.Nominations;

namespace AwardVote.UnitTests.Validation;

/// <summary>The rules behind issue 15's bad-input items, without a server: what text can be stored, what Markdown shown.</summary>
public sealed class BadInputRulesTests
{
    // Built here, not as [InlineData]: xunit passes a lone surrogate in test data on as U+FFFD.
    [Fact]
    public void Text_a_database_cannot_hold_is_found()
    {
        foreach (var text in new[] { "a\0b", "a\u0001b", "a\u001Fb", "a" + (char)0xD800 + "b", ((char)0xDC00).ToString(), "end" + (char)0xD83D })
        {
            Assert.False(StorableText.IsStorable(text), text);
            Assert.True(StorableText.IsStorable(StorableText.WithoutUnstorable(text)), text);
        }
    }

    [Theory]
    [InlineData("Rēzeknes bibliotēka\tlasītava\r\nrinda")]
    [InlineData("Ģimenes 📚 diena")]
    [InlineData("")]
    public void Ordinary_text_with_tabs_line_breaks_and_emoji_is_stored(string text) => Assert.True(StorableText.IsStorable(text));

    [Fact]
    public void InputRules_refuses_a_NUL_in_any_row_and_a_list_past_its_cap_with_one_refusal()
    {
        var input = new NominationInput
        {
            Achievements = "Sasniegumi\0",
            Partners = [.. Enumerable.Range(0, 20_000).Select(i => new PartnerRow { Name = $"Partneris {i}" })],
        };

        var refusals = InputRules.Check(input);

        Assert.Contains(refusals, r => r.Field == "Achievements" && r.Args[0] is InputMessage { Template: StorableText.FieldMessage });
        Assert.Single(refusals, r => r.Field!.StartsWith("Partners", StringComparison.Ordinal));
    }

    [Fact]
    public void Markdown_nested_past_what_a_page_shows_is_refused_and_shown_as_plain_text()
    {
        var quotes = string.Concat(Enumerable.Repeat("> ", 200)) + "citāts";
        var brackets = new string('[', 5000) + "saite";
        var ordinary = "Atvērām **bērnu lasītavu**:\n\n- grāmatu buss\n  - 12 pieturas\n\n> Lasītāja teiktais";

        Assert.False(MarkdownText.CanRender(quotes));
        Assert.False(new ShowableMarkdownAttribute().IsValid(quotes));
        Assert.True(MarkdownText.CanRender(ordinary));
        Assert.True(new ShowableMarkdownAttribute().IsValid(ordinary));

        var renderer = new MarkdownRenderer();
        var shown = renderer.Render(quotes).ToString()!;
        Assert.StartsWith("<p>", shown);
        Assert.Contains("citāts", shown);
        Assert.Contains("saite", renderer.Render(brackets).ToString());
        Assert.Contains("<strong>bērnu lasītavu</strong>", renderer.Render(ordinary).ToString());
    }
}
