using AwardVote.Infrastructure.Demo;
using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests.Accessibility;

/// <summary>
/// Issue 6: axe-core on every page each kind of user reaches, in Latvian and in English, on pages that show real
/// content (<see cref="AccessibilityWorld"/>). Any serious or critical violation fails, listed with its rule, impact,
/// the elements and the page. One browser context (one sign-in) per role and language.
/// </summary>
public sealed class AccessibilityTests(AccessibilitySession session) : IClassFixture<AccessibilitySession>
{
    public enum Role { Visitor, Library, Juror, Administrator }

    private AccessibilityWorld World => session.World;

    private IEnumerable<string> PagesOf(Role role) => role switch
    {
        Role.Visitor =>
        [
            "/", "/Cycles", $"/Cycles/{World.DemoSlug}", "/Cycles/gada-biblioteka-2019", "/Cycles/gada-biblioteka-2019/Results",
            "/Laureates", "/Privacy", $"/Cycles/{World.VoteSlug}", $"/Cycles/{World.VoteSlug}/Vote", "/Account/Login", "/Account/Register",
            "/Account/ForgotPassword", $"/Endorse?token={World.EndorsementToken}", "/Vote/Confirm?token=no-such-link",
        ],
        Role.Library =>
        [
            "/Nominations", $"/Nominations/Edit?id={World.DemoDraftId}", $"/Nominations/Attachments?id={World.DemoDraftId}",
            $"/Nominations/Endorsements?id={World.DemoDraftId}", $"/Nominations/Preview?id={World.DemoDraftId}", "/Libraries",
            $"/Libraries/Invite?id={World.DemoLibraryId}", "/Libraries/Register", "/Account/Manage/Data",
        ],
        Role.Juror =>
        [
            "/Jury", $"/Jury?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}",
            $"/Jury/Nomination?id={World.Scored.NominationIds[0]}", $"/Jury/Declare?id={World.Scored.NominationIds[1]}",
            $"/Jury/Ranking?cycleId={World.Ranked.CycleId}&categoryId={World.Ranked.CategoryId}",
            $"/Jury/Progress?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}",
            $"/Jury/Conflicts?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}",
        ],
        _ =>
        [
            "/Admin", "/Admin/Cycles", "/Admin/Cycles/Create", $"/Admin/Cycles/{World.DemoCycleId}",
            $"/Admin/Cycles/{World.DemoCycleId}/General", $"/Admin/Cycles/{World.DemoCycleId}/Categories",
            $"/Admin/Cycles/{World.DemoCycleId}/Criteria", $"/Admin/Cycles/{World.DemoCycleId}/Rounds",
            $"/Admin/Cycles/{World.DemoCycleId}/Schedule", "/Admin/Libraries", $"/Admin/Libraries/Review?id={World.DemoLibraryId}",
            $"/Admin/Eligibility?cycleId={World.ReviewCycleId}",
            $"/Admin/Jury?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}",
            $"/Admin/PaperBallots?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}",
            $"/Admin/Results?cycleId={World.ResultsCycleId}", $"/Admin/Results/Protocol?id={World.ResultId}",
            $"/Admin/Results/Publication?cycleId={World.ResultsCycleId}",
            $"/Jury/Citation?cycleId={World.ResultsCycleId}&categoryId={World.ResultsCategoryId}",
            $"/Admin/Exports?cycleId={World.ResultsCycleId}", "/Admin/Mail", $"/Admin/PeoplesChoice?cycleId={World.VoteCycleId}",
            "/Admin/People/Export", "/Admin/People/Erase",
        ],
    };

    private (string? Email, string Password) AccountOf(Role role) => role switch
    {
        Role.Visitor => (null, ""),
        Role.Library => (DemoSeeder.RepresentativeEmail, DemoSeeder.Password),
        Role.Juror => (World.JurorEmail, JudgingScenario.Password),
        _ => (DemoSeeder.AdministratorEmail, DemoSeeder.Password),
    };

    [Theory]
    [InlineData(Role.Visitor, "lv")]
    [InlineData(Role.Visitor, "en")]
    [InlineData(Role.Library, "lv")]
    [InlineData(Role.Library, "en")]
    [InlineData(Role.Juror, "lv")]
    [InlineData(Role.Juror, "en")]
    [InlineData(Role.Administrator, "lv")]
    [InlineData(Role.Administrator, "en")]
    public async Task Every_page_of_the_role_has_no_serious_or_critical_axe_violation(Role role, string culture)
    {
        var (email, password) = AccountOf(role);
        var page = await session.PageAsync(email, password, culture);
        var problems = new List<string>();
        var shown = 0;
        foreach (var url in PagesOf(role))
        {
            var response = await page.GotoAsync(url);
            var label = $"{role}/{culture} {url}";
            if (response is null || !response.Ok || page.Url.Contains("/Account/Login", StringComparison.Ordinal) && !url.StartsWith("/Account/Login", StringComparison.Ordinal))
            {
                problems.Add($"{label}: not shown (HTTP {response?.Status}, at {page.Url})");
                continue;
            }
            if (await page.Locator("html").GetAttributeAsync("lang") != culture)
                problems.Add($"{label}: html lang is not {culture}");
            problems.AddRange(await Axe.SeriousViolationsAsync(page, label));
            await BrowserSession.ScreenshotAsync(page, $"a11y-{role}-{culture}-{++shown:00}");
        }
        Assert.True(problems.Count == 0, Axe.Describe(problems));
    }

    /// <summary>Pages as they look after a form comes back: refused with its errors, or saved with a message.</summary>
    [Fact]
    public async Task Forms_refused_or_saved_have_no_serious_or_critical_axe_violation_and_mark_the_refused_fields()
    {
        var problems = new List<string>();
        var visitor = await session.PageAsync(null, "", "lv");

        await visitor.GotoAsync("/Account/Register");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Izveidot kontu" }).ClickAsync();
        await visitor.Locator(".error-summary li").First.WaitForAsync();
        Assert.Equal("true", await visitor.Locator("#Input_Email").GetAttributeAsync("aria-invalid"));
        problems.AddRange(await Axe.SeriousViolationsAsync(visitor, "register, refused"));

        await visitor.GotoAsync("/Account/Login");
        await visitor.Locator("#Input_Email").FillAsync("neviens@lasitaji.example");
        await visitor.Locator("#Input_Password").FillAsync("Nepareiza-Parole-1");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await visitor.Locator(".error-summary li").First.WaitForAsync();
        problems.AddRange(await Axe.SeriousViolationsAsync(visitor, "login, wrong password"));

        await visitor.GotoAsync($"/Cycles/{World.VoteSlug}/Vote");
        await visitor.GetByTestId("vote-submit").ClickAsync();
        await visitor.Locator(".error-summary li").First.WaitForAsync();
        Assert.Equal("true", await visitor.Locator("#Input_Email").GetAttributeAsync("aria-invalid"));
        problems.AddRange(await Axe.SeriousViolationsAsync(visitor, "people's-choice vote, refused"));

        var juror = await session.PageAsync(World.JurorEmail, JudgingScenario.Password, "lv");
        await juror.GotoAsync($"/Jury/Nomination?id={World.Scored.NominationIds[1]}");
        await juror.GetByTestId("score-1-4").CheckAsync();
        await juror.GetByTestId("score-2-2").CheckAsync();
        await juror.GetByTestId("save-ballot").ClickAsync();
        await juror.GetByTestId("message").WaitForAsync();
        problems.AddRange(await Axe.SeriousViolationsAsync(juror, "score ballot, saved"));

        var library = await session.PageAsync(DemoSeeder.RepresentativeEmail, DemoSeeder.Password, "lv");
        await library.GotoAsync($"/Nominations/Edit?id={World.DemoDraftId}");
        await library.GetByTestId("save").ClickAsync();
        await library.GetByTestId("message").WaitForAsync();
        problems.AddRange(await Axe.SeriousViolationsAsync(library, "nomination, saved"));

        Assert.True(problems.Count == 0, Axe.Describe(problems));
    }

    /// <summary>The scan is not blind: a field without a label, put on the page, is reported with its rule and place.</summary>
    [Fact]
    public async Task The_scan_reports_a_violation_it_is_shown()
    {
        var page = await session.PageAsync(null, "", "lv");
        await page.GotoAsync("/Laureates");
        await page.EvaluateAsync("() => document.querySelector('main').insertAdjacentHTML('beforeend', '<input type=\"text\" id=\"unlabelled\">')");
        var found = await Axe.SeriousViolationsAsync(page, "planted");
        Assert.Contains(found, line => line.Contains("planted: label (critical)", StringComparison.Ordinal) && line.Contains("#unlabelled", StringComparison.Ordinal));
    }
}
