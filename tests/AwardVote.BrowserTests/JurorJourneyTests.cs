using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 4 in a real browser: a juror declares a conflict, scores every other nomination, changes a score, and
/// finds the conflicted nomination locked.
/// </summary>
public sealed class JurorJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_juror_declares_a_conflict_scores_the_others_changes_a_score_and_finds_the_conflicted_one_locked()
    {
        try
        {
            await JourneyAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-juror-journey");
            throw;
        }
    }

    internal async Task JourneyAsync(ViewportSize? viewport = null)
    {
        var world = await JudgingScenario.CreateAsync(session.App);
        var (conflicted, others) = (world.NominationIds[0], world.NominationIds[1..]);
        var juror = await session.NewPageAsync(viewport);
        await juror.GotoAsync("/Account/Login");
        await juror.Locator("#Input_Email").FillAsync(world.JurorAEmail);
        await juror.Locator("#Input_Password").FillAsync(JudgingScenario.Password);
        await juror.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await juror.GetByTestId("signed-in-as").WaitForAsync();

        var desk = $"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}";
        await juror.GotoAsync(desk);
        await juror.GetByTestId($"declare-{conflicted}").ClickAsync();
        await juror.GetByTestId("conflict-reason").FillAsync("Esmu šīs bibliotēkas padomes locekle.");
        await juror.GetByTestId("declare").ClickAsync();
        await juror.GetByTestId($"conflict-{conflicted}").WaitForAsync();
        await BrowserSession.ScreenshotAsync(juror, "20-juror-conflict-declared");

        foreach (var id in others)
        {
            await juror.GetByTestId($"open-{id}").ClickAsync();
            await juror.GetByTestId("score-1-4").CheckAsync();
            await juror.GetByTestId("score-2-3").CheckAsync();
            await juror.GetByTestId("save-ballot").ClickAsync();
            await juror.GetByTestId("message").WaitForAsync();
            await juror.GotoAsync(desk);
        }
        await BrowserSession.ScreenshotAsync(juror, "21-juror-scored");
        Assert.Contains("3,60", await juror.GetByTestId($"state-{others[0]}").InnerTextAsync());

        // A change of mind while the round is open.
        await juror.GetByTestId($"open-{others[0]}").ClickAsync();
        await juror.GetByTestId("score-1-5").CheckAsync();
        await juror.GetByTestId("save-ballot").ClickAsync();
        await juror.GetByTestId("message").WaitForAsync();
        await juror.GotoAsync(desk);
        Assert.Contains("4,20", await juror.GetByTestId($"state-{others[0]}").InnerTextAsync());

        // Nothing is left to score, and the conflicted nomination stays locked.
        await juror.GetByTestId("filter-todo").ClickAsync();
        Assert.Equal(0, await juror.Locator("[data-testid^='open-']").CountAsync());
        await juror.GotoAsync($"/Jury/Nomination?id={conflicted}");
        await juror.GetByTestId("conflict-page").WaitForAsync();
        Assert.Equal(0, await juror.GetByTestId("ballot-form").CountAsync());
        await BrowserSession.ScreenshotAsync(juror, "22-juror-conflict-locked");
    }
}
