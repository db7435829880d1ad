using AwardVote.Application.Validation;
using AwardVote.Web.Nominations;

namespace AwardVote.UnitTests.Validation;

/// <summary>
/// Latvian writes years, dates and ordinals with a dot (issue 16, item 6): "2019. gadā…" starting a paragraph is a
/// sentence, not item 2019 of a list; lists people mean still render as lists.
/// </summary>
public sealed class MarkdownSentencesTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static string Html(string markdown) => Renderer.Render(markdown).ToString()!;

    [Theory]
    [InlineData("Teksts.\n\n2019. gadā bibliotēka atvēra centru.", "<p>2019. gadā bibliotēka atvēra centru.</p>")]
    [InlineData("15. martā notika lasījumi.", "<p>15. martā notika lasījumi.</p>")]
    [InlineData("1. janvārī bibliotēka svinēja.", "<p>1. janvārī bibliotēka svinēja.</p>")]
    [InlineData("2. kārtā žūrija vērtēja trīs pieteikumus.", "<p>2. kārtā žūrija vērtēja trīs pieteikumus.</p>")]
    [InlineData("100. gadadienā atklājām izstādi.", "<p>100. gadadienā atklājām izstādi.</p>")]
    public void A_sentence_that_starts_with_a_number_stays_a_sentence(string markdown, string expected)
    {
        var html = Html(markdown);

        Assert.Contains(expected, html);
        Assert.DoesNotContain("<ol", html);
    }

    [Fact]
    public void The_seed_announcement_keeps_its_paragraphs()
    {
        var announcement = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Validation", "gada-biblioteka-2019-lv.txt"));
        // As a library pastes it into the form: paragraphs apart, each "2019. gadā" at the start of its own.
        var pasted = announcement.Replace("\r\n", "\n").Replace("\n", "\n\n");

        var html = Html(pasted);

        Assert.DoesNotContain("<ol", html);
        Assert.DoesNotContain("<li", html);
        Assert.Contains("<p>2019. gadā Latgales Centrālā bibliotēka veiksmīgi realizēja", html);
    }

    [Fact]
    public void The_demo_achievements_stay_paragraphs()
    {
        const string achievements = "Jau ilgus gadus bibliotēka virzās uz mērķi.\n\n2019. gadā sasniegtais ir devis pārliecību.";

        Assert.Equal("<p>Jau ilgus gadus bibliotēka virzās uz mērķi.</p>\n<p>2019. gadā sasniegtais ir devis pārliecību.</p>\n", Html(achievements));
    }

    [Theory]
    [InlineData("1. grāmatu buss\n2. lasīšanas klubs\n3. bērnu stūrītis", 3)]
    [InlineData("1. grāmatu buss\n1. lasīšanas klubs\n1. bērnu stūrītis", 3)]
    [InlineData("Mūsu darbi:\n\n1. grāmatu buss\n\n2. lasīšanas klubs\n\n   ar diviem pulciņiem\n\n3. bērnu stūrītis", 3)]
    [InlineData("1) grāmatu buss\n2) lasīšanas klubs", 2)]
    [InlineData("1. pirmais\n2. otrais\n3. trešais\n4. ceturtais\n5. piektais\n6. sestais\n7. septītais\n8. astotais\n9. devītais\n10. desmitais\n11. vienpadsmitais", 11)]
    public void Lists_people_mean_stay_lists(string markdown, int items)
    {
        var html = Html(markdown);

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<ol"));
        Assert.Equal(items, System.Text.RegularExpressions.Regex.Matches(html, "<li").Count);
    }

    [Fact]
    public void A_year_after_a_list_is_a_new_paragraph_not_its_next_item()
    {
        var html = Html("1. grāmatu buss\n2. lasīšanas klubs\n\n2019. gadā atvērām centru.");

        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "<li").Count);
        Assert.Contains("<p>2019. gadā atvērām centru.</p>", html);
    }

    [Fact]
    public void Code_blocks_are_left_as_written()
    {
        const string markdown = "```\n2019. gadā\n```";

        Assert.Equal(markdown, MarkdownText.SentencesStaySentences(markdown));
        Assert.Contains("2019. gadā", Html(markdown));
    }

    [Fact]
    public void A_checked_text_is_checked_as_it_is_shown() =>
        Assert.True(MarkdownText.CanRender("2019. gadā sasniegtais ir devis pārliecību."));
}
