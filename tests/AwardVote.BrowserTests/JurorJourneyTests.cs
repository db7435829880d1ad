using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Security;
using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 4 in a real browser: a juror declares a conflict, scores every other nomination, changes a score, and
/// finds the conflicted nomination locked. Issue 16: a newcomer's invitation survives creating the account (the link
/// is carried through registration, the confirmation mail and the sign-in), the desk says what happened after each
/// step and leads from one nomination to the next, and a mistaken declaration is withdrawn.
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
        await NewcomerAcceptsAsync(world);

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
        Assert.Contains("Interešu konflikts deklarēts", await juror.GetByTestId("message").InnerTextAsync());
        Assert.Contains("0 no 2 novērtēti", await juror.GetByTestId("desk-done").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(juror, "20-juror-conflict-declared");

        // From one nomination to the next without going back to the list (the conflicted one is skipped).
        await juror.GetByTestId($"open-{others[0]}").ClickAsync();
        Assert.Equal(0, await juror.GetByTestId("previous").CountAsync());
        for (var i = 0; i < others.Length; i++)
        {
            await juror.GetByTestId("score-1-4").CheckAsync();
            await juror.GetByTestId("score-2-3").CheckAsync();
            await juror.GetByTestId("save-ballot").ClickAsync();
            await juror.GetByTestId("message").WaitForAsync();
            Assert.Contains($"{i + 1} no {others.Length} novērtēti", await juror.GetByTestId("desk-done").InnerTextAsync());
            if (i < others.Length - 1)
                await juror.GetByTestId("next").ClickAsync();
        }
        Assert.Equal(0, await juror.GetByTestId("next").CountAsync());
        await BrowserSession.ScreenshotAsync(juror, "21-juror-desk-next-previous");
        await juror.GetByTestId("previous").ClickAsync();
        await juror.WaitForURLAsync($"**/Jury/Nomination?id={others[0]}");
        await juror.GotoAsync(desk);
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
        Assert.Contains("Pieteikums: Alsungas bibliotēka", await juror.GetByTestId("conflict-nomination").InnerTextAsync());
        Assert.Equal(0, await juror.GetByTestId("ballot-form").CountAsync());
        await BrowserSession.ScreenshotAsync(juror, "22-juror-conflict-locked");

        // Declared by mistake: withdrawn while the round is open, and the nomination is the juror's to score again.
        await juror.GetByTestId("withdraw-link").ClickAsync();
        await juror.GetByTestId("withdraw").ClickAsync();
        await juror.GetByTestId("ballot-form").WaitForAsync();
        Assert.Contains("atsaukta", await juror.GetByTestId("message").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(juror, "23-juror-conflict-withdrawn");
    }

    /// <summary>
    /// Someone invited to the jury before they have an account: the link leads to the sign-in, on to registration,
    /// through the confirmation mail and the sign-in back to the invitation, and accepting it opens the desk.
    /// </summary>
    private async Task NewcomerAcceptsAsync(JudgingScenario world)
    {
        var (token, hash) = OneTimeToken.Create();
        var email = $"jauna-{Guid.NewGuid():N}@biblioteka.lv";
        await session.App.ExecuteAsync(db =>
        {
            db.Invitations.Add(new Invitation
            {
                Email = email, Role = ScopedRole.Juror, CycleId = world.CycleId, CategoryId = world.CategoryId, TokenHash = hash,
                InvitedAt = DateTimeOffset.UtcNow, ExpiresAt = DateTimeOffset.UtcNow.AddDays(14),
            });
            return db.SaveChangesAsync();
        });

        var page = await session.NewPageAsync();
        await page.GotoAsync($"/Invitations/Accept?token={token}");
        await page.GetByTestId("register-link").ClickAsync();
        await page.Locator("#Input_DisplayName").FillAsync("Jauna Žūrija");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(JourneyPages.Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(JourneyPages.Password);
        await page.Locator("form:has(#Input_ConfirmPassword) button[type='submit']").ClickAsync();
        await page.GetByTestId("register-confirmation").WaitForAsync();
        await session.DeliverMailAsync();
        var confirmation = await JourneyPages.MailedLinkAsync(email, "account-confirmation");
        Assert.Contains("returnUrl=", confirmation);

        await page.GotoAsync(confirmation);
        await page.GetByTestId("sign-in-after-confirm").ClickAsync();
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(JourneyPages.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await page.GetByTestId("jury-invitation").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "19-juror-invitation-after-sign-up");
        await page.GetByTestId("accept").ClickAsync();
        Assert.Contains("Uzaicinājums pieņemts.", await page.GetByTestId("message").InnerTextAsync());
        await page.GetByTestId("jury-nominations").WaitForAsync();
        await BrowserSession.ScreenshotAsync(page, "19-juror-invitation-accepted");
        await page.CloseAsync();
    }
}
