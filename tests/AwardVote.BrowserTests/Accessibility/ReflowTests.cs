using AwardVote.Infrastructure.Demo;
using AwardVote.Tests;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests.Accessibility;

/// <summary>
/// Issue 16, item 13: every page of every role fits a 320 px wide screen with no sideways scroll (WCAG 1.4.10: wide
/// tables scroll in their own box), has no inline style attribute and breaks no rule of the Content-Security-Policy.
/// The pages come from the app's own routing: a new page fails <see cref="Every_page_of_the_app_is_visited_or_said_why_not"/>
/// until it is added to a role below.
/// </summary>
public sealed partial class ReflowTests(AccessibilitySession session) : IClassFixture<AccessibilitySession>
{
    public enum Role { Visitor, Library, Juror, Chair, Administrator }

    private AccessibilityWorld World => session.World;

    /// <summary>Each page (as the app names it) with an address that shows it with real content.</summary>
    private IEnumerable<(string Page, string Url)> PagesOf(Role role) => role switch
    {
        Role.Visitor =>
        [
            ("/Index", "/"), ("/Cycles/Index", "/Cycles"), ("/Cycles/Details", $"/Cycles/{World.DemoSlug}"),
            ("/Cycles/Details", "/Cycles/gada-biblioteka-2019"), ("/Cycles/Results", "/Cycles/gada-biblioteka-2019/Results"),
            ("/Laureates/Index", "/Laureates"), ("/Privacy", "/Privacy"), ("/Cycles/Details", $"/Cycles/{World.VoteSlug}"),
            ("/PeoplesChoice/Vote", $"/Cycles/{World.VoteSlug}/Vote"), ("/PeoplesChoice/Confirm", "/Vote/Confirm?token=no-such-link"),
            ("/Account/Login", "/Account/Login"), ("/Account/Register", "/Account/Register"),
            ("/Account/RegisterConfirmation", "/Account/RegisterConfirmation"), ("/Account/ConfirmEmail", "/Account/ConfirmEmail?userId=x&code=y"),
            ("/Account/ForgotPassword", "/Account/ForgotPassword"), ("/Account/ForgotPasswordConfirmation", "/Account/ForgotPasswordConfirmation"),
            ("/Account/ResetPassword", "/Account/ResetPassword?email=a%40b.example&code=x"), ("/Account/Lockout", "/Account/Lockout"),
            ("/Account/AccessDenied", "/Account/AccessDenied"), ("/Account/LoginWithPasskey", "/Account/LoginWithPasskey"),
            ("/Endorse/Index", $"/Endorse?token={World.EndorsementToken}"),
            ("/Error", "/Error?code=404"),
        ],
        Role.Library =>
        [
            ("/Nominations/Index", "/Nominations"), ("/Nominations/Edit", $"/Nominations/Edit?id={World.DemoDraftId}"),
            ("/Nominations/Attachments", $"/Nominations/Attachments?id={World.DemoDraftId}"),
            ("/Nominations/Endorsements", $"/Nominations/Endorsements?id={World.DemoDraftId}"),
            ("/Nominations/Preview", $"/Nominations/Preview?id={World.DemoDraftId}"), ("/Libraries/Index", "/Libraries"),
            ("/Libraries/Invite", $"/Libraries/Invite?id={World.DemoLibraryId}"), ("/Libraries/Register", "/Libraries/Register"),
            ("/Account/Manage/TwoFactor", "/Account/Manage/TwoFactor"), ("/Account/Manage/EnableAuthenticator", "/Account/Manage/EnableAuthenticator"),
            ("/Account/Manage/Passkeys", "/Account/Manage/Passkeys"), ("/Account/Manage/Sessions", "/Account/Manage/Sessions"),
            ("/Account/Manage/Data", "/Account/Manage/Data"), ("/Account/Manage/Delete", "/Account/Manage/Delete"),
            ("/Invitations/Accept", "/Invitations/Accept?token=no-such-link"), ("/Index", "/"),
        ],
        Role.Juror =>
        [
            ("/Jury/Index", "/Jury"), ("/Jury/Index", $"/Jury?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}"),
            ("/Jury/Nomination", $"/Jury/Nomination?id={World.Scored.NominationIds[0]}"), ("/Jury/Declare", $"/Jury/Declare?id={World.Scored.NominationIds[1]}"),
            ("/Jury/Ranking", $"/Jury/Ranking?cycleId={World.Ranked.CycleId}&categoryId={World.Ranked.CategoryId}"),
        ],
        Role.Chair =>
        [
            ("/Jury/Progress", $"/Jury/Progress?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}"),
            ("/Jury/Conflicts", $"/Jury/Conflicts?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}"),
        ],
        _ =>
        [
            ("/Admin/Index", "/Admin"), ("/Admin/Cycles/Index", "/Admin/Cycles"), ("/Admin/Cycles/Create", "/Admin/Cycles/Create"),
            ("/Admin/Cycles/Details", $"/Admin/Cycles/{World.DemoCycleId}"), ("/Admin/Cycles/General", $"/Admin/Cycles/{World.DemoCycleId}/General"),
            ("/Admin/Cycles/Categories", $"/Admin/Cycles/{World.DemoCycleId}/Categories"),
            ("/Admin/Cycles/Criteria", $"/Admin/Cycles/{World.DemoCycleId}/Criteria"), ("/Admin/Cycles/Rounds", $"/Admin/Cycles/{World.DemoCycleId}/Rounds"),
            ("/Admin/Cycles/Schedule", $"/Admin/Cycles/{World.DemoCycleId}/Schedule"), ("/Admin/Libraries/Index", "/Admin/Libraries"),
            ("/Admin/Libraries/Review", $"/Admin/Libraries/Review?id={World.DemoLibraryId}"),
            ("/Admin/Eligibility/Index", $"/Admin/Eligibility?cycleId={World.ReviewCycleId}"),
            ("/Admin/Jury/Index", $"/Admin/Jury?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}"),
            ("/Admin/PaperBallots/Index", $"/Admin/PaperBallots?cycleId={World.Scored.CycleId}&categoryId={World.Scored.CategoryId}"),
            ("/Admin/Results/Index", $"/Admin/Results?cycleId={World.ResultsCycleId}"), ("/Admin/Results/Protocol", $"/Admin/Results/Protocol?id={World.ResultId}"),
            ("/Admin/Results/Publication", $"/Admin/Results/Publication?cycleId={World.ResultsCycleId}"),
            ("/Jury/Citation", $"/Jury/Citation?cycleId={World.ResultsCycleId}&categoryId={World.ResultsCategoryId}"),
            ("/Admin/Exports/Index", $"/Admin/Exports?cycleId={World.ResultsCycleId}"), ("/Admin/Mail/Index", "/Admin/Mail"), ("/Admin/People/Erase", "/Admin/People/Erase"),
            ("/Admin/PeoplesChoice/Index", $"/Admin/PeoplesChoice?cycleId={World.VoteCycleId}"),
            ("/Admin/People/Export", "/Admin/People/Export"),
            ("/Nominations/Preview", $"/Nominations/Preview?id={World.DemoDraftId}"),
        ],
    };

    /// <summary>Pages not visited, each with its reason: none of them shows a layout of its own worth measuring.</summary>
    private static readonly Dictionary<string, string> NotVisited = new()
    {
        ["/Culture"] = "a post that switches the language and goes back",
        ["/Account/Logout"] = "signs the person out",
        ["/Nominations/File"] = "answers with the file itself, not a page",
        ["/Account/LoginWith2fa"] = "shown only halfway through a sign-in with a second factor (SecondFactorJourneyTests)",
        ["/Account/LoginWithRecoveryCode"] = "shown only halfway through a sign-in with a second factor",
        ["/Jury/CastingVote"] = "shown only for a tie the statute cannot break; a short form of the chair's choice",
    };

    private (string? Email, string Password) AccountOf(Role role) => role switch
    {
        Role.Visitor => (null, ""),
        Role.Library => (DemoSeeder.RepresentativeEmail, DemoSeeder.Password),
        Role.Juror or Role.Chair => (World.JurorEmail, JudgingScenario.Password),
        _ => (DemoSeeder.AdministratorEmail, DemoSeeder.Password),
    };

    [Fact]
    public void Every_page_of_the_app_is_visited_or_said_why_not()
    {
        var pages = session.Browser.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath)
            .OfType<string>().ToHashSet();
        var visited = Enum.GetValues<Role>().SelectMany(PagesOf).Select(p => p.Page).ToHashSet();

        var missing = pages.Where(p => !visited.Contains(p) && !NotVisited.ContainsKey(p)).Order().ToList();
        Assert.True(missing.Count == 0, "Pages the 320 px check does not visit; add each to a role in ReflowTests: " + string.Join(", ", missing));
        Assert.DoesNotContain(visited.Concat(NotVisited.Keys), p => !pages.Contains(p));
    }

    [Theory]
    [InlineData(Role.Visitor, "lv")]
    [InlineData(Role.Visitor, "en")]
    [InlineData(Role.Library, "lv")]
    [InlineData(Role.Library, "en")]
    [InlineData(Role.Juror, "lv")]
    [InlineData(Role.Juror, "en")]
    [InlineData(Role.Chair, "lv")]
    [InlineData(Role.Chair, "en")]
    [InlineData(Role.Administrator, "lv")]
    [InlineData(Role.Administrator, "en")]
    public async Task Every_page_of_the_role_fits_320_px_with_no_inline_style_and_no_CSP_error(Role role, string culture)
    {
        var (email, password) = AccountOf(role);
        var page = await session.PageAsync(email, password, culture);
        await page.SetViewportSizeAsync(320, 640);
        var problems = new List<string>();
        string current = "";
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                problems.Add($"{current}: CSP: {message.Text}");
        };
        foreach (var (_, url) in PagesOf(role))
        {
            current = $"{role}/{culture} {url}";
            var response = await page.GotoAsync(url);
            var expectedStatus = url.StartsWith("/Error", StringComparison.Ordinal) ? 404 : 200;
            if (response is null || response.Status != expectedStatus && !(expectedStatus == 404 && response.Ok)
                || page.Url.Contains("/Account/Login", StringComparison.Ordinal) && !url.StartsWith("/Account/Login", StringComparison.Ordinal))
            {
                problems.Add($"{current}: not shown (HTTP {response?.Status}, at {page.Url})");
                continue;
            }
            var overflow = await Reflow.OverflowAsync(page);
            if (overflow is not null)
            {
                problems.Add($"{current}: {overflow}");
                await BrowserSession.ScreenshotAsync(page, $"reflow-{role}-{culture}-{problems.Count:00}");
            }
            // The HTML as sent (a browser's own autofill may add an empty style attribute to the live page).
            var html = await response.TextAsync();
            problems.AddRange(InlineStyle().Matches(html).Select(m => $"{current}: inline style: {m.Value}"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<[^>]*\sstyle\s*=[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex InlineStyle();

    [Theory]
    [InlineData("lv", "Pieteikumi", "Izvēlne")]
    [InlineData("en", "Nominations", "Menu")]
    public async Task On_a_phone_the_header_folds_its_links_into_a_menu_that_opens_and_closes(string culture, string nominations, string menu)
    {
        var page = await session.PageAsync(DemoSeeder.RepresentativeEmail, DemoSeeder.Password, culture);
        await page.SetViewportSizeAsync(320, 640);
        await page.GotoAsync("/Libraries");
        var toggle = page.GetByTestId("menu-toggle");
        var link = page.Locator("#main-menu").GetByRole(AriaRole.Link, new() { Name = nominations, Exact = true });

        Assert.Equal(menu, (await toggle.InnerTextAsync()).Trim());
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await link.IsVisibleAsync());

        // By keyboard: the button takes the focus and opens with Enter; Escape closes and keeps the focus on it.
        await toggle.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.True(await link.IsVisibleAsync());
        Assert.Null(await Reflow.OverflowAsync(page));
        // Every link of the header stays on its red band.
        var outside = await page.EvaluateAsync<string[]>(@"() => {
            const band = document.querySelector('.site-header').getBoundingClientRect();
            return [...document.querySelectorAll('.site-header a:not(.skip-link), .site-header button')]
              .filter(e => e.offsetParent !== null)
              .filter(e => { const r = e.getBoundingClientRect(); return r.left < band.left || r.right > band.right || r.top < band.top || r.bottom > band.bottom; })
              .map(e => e.textContent.trim());
        }");
        Assert.Empty(outside);
        await BrowserSession.ScreenshotAsync(page, $"phone-menu-open-{culture}");
        await page.Keyboard.PressAsync("Escape");
        Assert.Equal("false", await toggle.GetAttributeAsync("aria-expanded"));
        Assert.False(await link.IsVisibleAsync());
        Assert.True(await toggle.EvaluateAsync<bool>("e => e === document.activeElement"));

        await toggle.ClickAsync();
        await link.ClickAsync();
        await page.WaitForURLAsync("**/Nominations");

        // On a wide screen there is no menu button: the links are in the header.
        await page.SetViewportSizeAsync(1280, 800);
        Assert.False(await toggle.IsVisibleAsync());
        Assert.True(await page.Locator("#main-menu").GetByRole(AriaRole.Link, new() { Name = nominations, Exact = true }).IsVisibleAsync());
    }
}


/// <summary>Issue 16, item 11: on a phone the juror's ballot, below the whole nomination text, is one tap from the top.</summary>
public sealed class PhoneBallotTests(AccessibilitySession session) : IClassFixture<AccessibilitySession>
{
    [Fact]
    public async Task On_a_phone_the_ballot_is_one_tap_from_the_top_of_a_nomination()
    {
        var juror = await session.PageAsync(session.World.JurorEmail, JudgingScenario.Password, "lv");
        await juror.SetViewportSizeAsync(BrowserSession.Phone.Width, BrowserSession.Phone.Height);
        await juror.GotoAsync($"/Jury/Nomination?id={session.World.Scored.NominationIds[1]}");
        var ballot = juror.Locator("#ballot");
        var link = juror.GetByTestId("to-ballot");
        Assert.True(await link.EvaluateAsync<bool>("e => e.getBoundingClientRect().bottom < window.innerHeight / 2"), "the link is near the top");

        await link.ClickAsync();

        // The ballot is at the top of the screen, or the page is scrolled to its end with the ballot in sight.
        Assert.True(await ballot.EvaluateAsync<bool>(@"e => { const r = e.getBoundingClientRect();
            return Math.abs(r.top) < 2 || r.top < window.innerHeight && window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1; }"));
        await juror.GetByTestId("score-1-4").CheckAsync();
        await BrowserSession.ScreenshotAsync(juror, "phone-juror-ballot-one-tap");

        // Beside the text on a wide screen, where the link is not needed.
        await juror.SetViewportSizeAsync(1280, 800);
        Assert.False(await juror.GetByTestId("to-ballot").IsVisibleAsync());
    }
}

/// <summary>The 320 px check: the page scrolls sideways, and which elements stick out (outside a box that scrolls).</summary>
public static class Reflow
{
    public static async Task<string?> OverflowAsync(IPage page) =>
        await page.EvaluateAsync<string?>(@"() => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return null;
            const width = root.clientWidth;
            const scrolls = e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; } return false; };
            const name = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className && typeof e.className === 'string' ? '.' + e.className.trim().split(/\s+/).join('.') : '')
              + (e.dataset.testid ? `[data-testid=${e.dataset.testid}]` : '');
            const out = [...document.body.querySelectorAll('*')]
              .filter(e => e.getBoundingClientRect().right > width + 1 && !scrolls(e))
              .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > width + 1))
              .slice(0, 6)
              .map(e => `${name(e)} (right edge ${Math.round(e.getBoundingClientRect().right)} px)`);
            return `scrolls sideways: ${root.scrollWidth} px wide in ${width} px; sticking out: ${out.join(', ')}`;
        }");
}
