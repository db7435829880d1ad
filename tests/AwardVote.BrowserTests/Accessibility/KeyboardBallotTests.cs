using AwardVote.Infrastructure.Data;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests.Accessibility;

/// <summary>
/// Issue 6: a juror who uses only the keyboard signs in, scores a nomination and ranks the shortlist — Tab,
/// Shift+Tab, arrows, Space, Enter and typing; never a click, a fill or a check — and both ballots are saved. Every
/// control reached shows a visible focus ring.
/// </summary>
public sealed class KeyboardBallotTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_juror_scores_a_nomination_with_the_keyboard_alone_and_the_ballot_is_saved()
    {
        var world = await JudgingScenario.CreateAsync(session.App);
        var page = await session.NewPageAsync();
        try
        {
            await SignInAsync(page, world.JurorAEmail);
            var nomination = world.NominationIds[1];
            await page.GotoAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}");

            // The skip link is the first stop and takes the focus past the menu.
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await FocusedAsync(page, "a.skip-link"), "The first Tab does not reach the skip link.");
            await AssertFocusVisibleAsync(page);
            await page.Keyboard.PressAsync("Enter");
            await TabToAsync(page, $"[data-testid='open-{nomination}']");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByTestId("ballot-form").WaitForAsync();

            // Criterion 1: into the radio group, then the arrows choose 4.
            await TabToAsync(page, "input[type=radio][name^='Input.Scores']");
            for (var i = 0; i < 3; i++)
                await page.Keyboard.PressAsync("ArrowDown");
            Assert.True(await FocusedAsync(page, "[data-testid='score-1-4']:checked"));
            // Criterion 2: Tab moves to the next group; 3.
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await FocusedAsync(page, "[data-testid^='score-2-']"), "Tab from the first criterion does not reach the second.");
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.True(await FocusedAsync(page, "[data-testid='score-2-3']:checked"));
            // A change of mind: Shift+Tab back to the first criterion, which keeps its choice, and up to 5.
            await page.Keyboard.PressAsync("Shift+Tab");
            Assert.True(await FocusedAsync(page, "[data-testid='score-1-4']"), "Shift+Tab does not return to the chosen score.");
            await AssertFocusVisibleAsync(page);
            await page.Keyboard.PressAsync("ArrowDown");
            Assert.True(await FocusedAsync(page, "[data-testid='score-1-5']:checked"));

            // Abstain, then not: Space toggles the checkbox.
            await TabToAsync(page, "#Input_Abstained");
            await page.Keyboard.PressAsync("Space");
            Assert.True(await FocusedAsync(page, "#Input_Abstained:checked"));
            await page.Keyboard.PressAsync("Space");
            Assert.True(await FocusedAsync(page, "#Input_Abstained:not(:checked)"));

            await TabToAsync(page, "#Input_Comment");
            await page.Keyboard.TypeAsync("Plašs partneru loks.");
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await FocusedAsync(page, "#Input_PrivateNotes"));
            await page.Keyboard.TypeAsync("Pārjautāt par statistiku.");
            await TabToAsync(page, "[data-testid='save-ballot']");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByTestId("message").WaitForAsync();

            await using var scope = session.App.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ballot = await db.ScoreBallots.Include(b => b.Scores).SingleAsync(b => b.NominationId == nomination && b.JurorUserId == world.JurorA);
            Assert.False(ballot.Abstained);
            Assert.Equal("Plašs partneru loks.", ballot.Comment);
            Assert.Equal("Pārjautāt par statistiku.", ballot.PrivateNotes);
            Assert.Equal(5, ballot.Scores.Single(s => s.CriterionId == world.CriterionIds[0]).Score);
            Assert.Equal(3, ballot.Scores.Single(s => s.CriterionId == world.CriterionIds[1]).Score);
            // The page shows the saved choice after the round trip.
            Assert.True(await page.GetByTestId("score-1-5").IsCheckedAsync());
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failed-keyboard-score");
            throw;
        }
    }

    [Fact]
    public async Task A_juror_ranks_the_shortlist_with_the_keyboard_alone_and_the_ranking_is_saved()
    {
        var world = await JudgingScenario.CreateAsync(session.App, ranked: true);
        var page = await session.NewPageAsync();
        try
        {
            await SignInAsync(page, world.JurorAEmail);
            await page.GotoAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}");
            await TabToAsync(page, "[data-testid='ranking-link']");
            await page.Keyboard.PressAsync("Enter");
            await page.GetByTestId("save-ranking").WaitForAsync();

            // The shortlist's second nomination first: typing a place's number picks it in the select box.
            var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
            await TabToAsync(page, $"#rank-{first}");
            await page.Keyboard.TypeAsync("2");
            // Each name links to its nomination's text: Tab passes that link, then reaches the next place.
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await FocusedAsync(page, $"[data-testid='read-{second}']"));
            await page.Keyboard.PressAsync("Tab");
            Assert.True(await FocusedAsync(page, $"#rank-{second}"));
            await AssertFocusVisibleAsync(page);
            await page.Keyboard.PressAsync("ArrowDown");
            await page.Keyboard.PressAsync("Shift+Tab");
            await page.Keyboard.PressAsync("Shift+Tab");
            Assert.True(await FocusedAsync(page, $"#rank-{first}"));
            Assert.Equal("2", await page.EvaluateAsync<string>("id => document.getElementById(id).value", $"rank-{first}"));
            Assert.Equal("1", await page.EvaluateAsync<string>("id => document.getElementById(id).value", $"rank-{second}"));
            await TabToAsync(page, "[data-testid='save-ranking']");
            await page.Keyboard.PressAsync("Space");
            await page.GetByTestId("message").WaitForAsync();

            await using var scope = session.App.Scope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var ballot = await db.RankedBallots.Include(b => b.Ranks).SingleAsync(b => b.CategoryId == world.CategoryId && b.JurorUserId == world.JurorA);
            Assert.Equal(2, ballot.Ranks.Single(r => r.NominationId == first).Rank);
            Assert.Equal(1, ballot.Ranks.Single(r => r.NominationId == second).Rank);
        }
        catch
        {
            await BrowserSession.ScreenshotAsync(page, "failed-keyboard-ranking");
            throw;
        }
    }

    [Fact]
    public async Task The_focus_ring_is_set_for_links_buttons_and_form_controls_and_stands_out_on_every_stop()
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        var selectors = await page.EvaluateAsync<string[]>(
            "() => [...document.styleSheets].flatMap(s => [...s.cssRules]).map(r => r.selectorText || '').filter(t => t.includes(':focus-visible'))");
        var all = string.Join(", ", selectors);
        foreach (var element in new[] { "a", "button", "input", "select", "textarea" })
            Assert.Contains($"{element}:focus-visible", all, StringComparison.Ordinal);
        // And it shows on every stop from the top of the page (skip link, the header's links and buttons on the
        // carmine band) to the e-mail field.
        for (var stops = 0; stops < 30 && !await FocusedAsync(page, "#Input_Email"); stops++)
        {
            await page.Keyboard.PressAsync("Tab");
            await AssertFocusVisibleAsync(page);
        }
        Assert.True(await FocusedAsync(page, "#Input_Email"));
    }

    private static async Task SignInAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await TabToAsync(page, "#Input_Email");
        await page.Keyboard.TypeAsync(email);
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedAsync(page, "#Input_Password"));
        await page.Keyboard.TypeAsync(JudgingScenario.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    private static Task<bool> FocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector);

    /// <summary>Presses Tab until the focus is on <paramref name="selector"/>, as a person tabbing through the page.</summary>
    private static async Task TabToAsync(IPage page, string selector, int limit = 150)
    {
        for (var i = 0; i < limit; i++)
        {
            if (await FocusedAsync(page, selector))
            {
                await AssertFocusVisibleAsync(page);
                return;
            }
            await page.Keyboard.PressAsync("Tab");
        }
        throw new Xunit.Sdk.XunitException($"Tab never reached {selector} on {page.Url}");
    }

    /// <summary>
    /// The focused element draws an outline of at least 2px (our :focus-visible ring), not the browser's none, in a
    /// colour with at least 3:1 contrast against the background it stands on (WCAG 1.4.11): the nearest ancestor's
    /// background that is not transparent.
    /// </summary>
    private static async Task AssertFocusVisibleAsync(IPage page)
    {
        var ring = await page.EvaluateAsync<string>(FocusRingScript);
        var parts = ring.Split(' ', 5);
        var width = double.Parse(parts[2].Replace("px", ""), System.Globalization.CultureInfo.InvariantCulture);
        var contrast = double.Parse(parts[3], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(parts[0] == "true" && parts[1] != "none" && width >= 2 && contrast >= 3, $"No visible focus on {parts[4]}: {ring}");
    }

    private const string FocusRingScript = """
        () => {
          const e = document.activeElement, s = getComputedStyle(e);
          const rgb = c => (c.match(/[\d.]+/g) || []).map(Number);
          const lum = ([r, g, b]) => [r, g, b].map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
            .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
          let background = [255, 255, 255];
          for (let p = e.parentElement; p; p = p.parentElement) {
            const c = rgb(getComputedStyle(p).backgroundColor);
            if (c.length === 3 || c[3] > 0) { background = c; break; }
          }
          const [hi, lo] = [lum(rgb(s.outlineColor)), lum(background)].sort((x, y) => y - x);
          return e.matches(':focus-visible') + ' ' + s.outlineStyle + ' ' + s.outlineWidth + ' ' + ((hi + 0.05) / (lo + 0.05)).toFixed(2) + ' ' + e.outerHTML.slice(0, 120);
        }
        """;
}
