using System.Text.RegularExpressions;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>Someone taking part in the journey: their own browser context, address and language.</summary>
public sealed record Person(string Name, string Email, string Culture, IPage Page);

/// <summary>
/// The small steps a whole-year journey repeats (signing up, signing in, moving the phase, mail, screenshots), in the
/// journey's language. What a person does goes through the page; what the machine does (jobs) through its services.
/// </summary>
public sealed partial class JourneyPages(BrowserSession session, string language)
{
    public const string Password = "Pūce-Lasa-Naktī-2027";
    private int _step;

    public string Language => language;

    /// <summary>The Latvian or the English text, whichever the journey is in.</summary>
    public string T(string lv, string en) => language == "lv" ? lv : en;

    /// <summary>A full-page picture named by its place in the journey, e.g. <c>journey-lv-07-nomination-submitted</c>.</summary>
    public Task ShotAsync(IPage page, string name) =>
        BrowserSession.ScreenshotAsync(page, $"journey-{language}-{++_step:00}-{name}");

    /// <summary>A new person in a browser of their own, who picks their language on the home page first.</summary>
    public async Task<IPage> VisitorAsync(string culture)
    {
        var page = await session.NewPageAsync();
        // The machine is shared (two cores, other test runs): a page may take longer than Playwright's 30 s default.
        page.SetDefaultTimeout(90_000);
        page.SetDefaultNavigationTimeout(90_000);
        await page.GotoAsync("/");
        if (culture == "en")
        {
            await page.GetByTestId("switch-to-en").ClickAsync();
            await page.Locator("html[lang='en']").WaitForAsync();
        }
        return page;
    }

    /// <summary>Fills in the registration form; the account waits for its confirmation mail (see <see cref="ConfirmAsync"/>).</summary>
    public async Task<Person> RegisterAsync(string name, string emailPrefix, string culture)
    {
        var page = await VisitorAsync(culture);
        var email = $"{emailPrefix}-{Guid.NewGuid():N}@journey.example";
        await page.GotoAsync("/Account/Register");
        await page.Locator("#Input_DisplayName").FillAsync(name);
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(Password);
        await page.Locator("#Input_ConfirmPassword").FillAsync(Password);
        await page.Locator("#Input_PreferredCulture").SelectOptionAsync(culture);
        await page.Locator("form:has(#Input_ConfirmPassword) button[type='submit']").ClickAsync();
        await page.GetByTestId("register-confirmation").WaitForAsync();
        return new Person(name, email, culture, page);
    }

    /// <summary>Opens the mailed confirmation link and signs in.</summary>
    public async Task ConfirmAndSignInAsync(Person person)
    {
        await person.Page.GotoAsync(await MailedLinkAsync(person.Email, "account-confirmation"));
        await person.Page.GetByTestId("email-confirmed").WaitForAsync();
        await SignInAsync(person.Page, person.Email, Password);
    }

    public static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(password);
        await page.Locator("form:has(#Input_Password) button[type='submit']").ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
    }

    /// <summary>The administrator's "move the phase by hand" form on the cycle's page, with a reason.</summary>
    public async Task MovePhaseAsync(IPage admin, int cycleId, string reason, string expectedPhase)
    {
        await admin.GotoAsync($"/Admin/Cycles/{cycleId}");
        await admin.Locator("#move-next").CheckAsync();
        await admin.Locator("#Move_Reason").FillAsync(reason);
        await admin.Locator("[data-testid='move-phase'] button[type='submit']").ClickAsync();
        await admin.GetByTestId("phase").Filter(new() { HasTextString = expectedPhase }).WaitForAsync();
    }

    /// <summary>The outbox delivery job, as Hangfire would run it, so the mails reach the SMTP receiver now.</summary>
    public Task DeliverMailAsync() => session.DeliverMailAsync();

    /// <summary>A job at a deadline: the phase clock, run at <paramref name="now"/> (time has passed for the cycle).</summary>
    public async Task<int> AdvancePhasesAtAsync(DateTimeOffset now)
    {
        await using var scope = session.App.Scope();
        return await ActivatorUtilities.CreateInstance<AdvancePhasesJob>(scope.ServiceProvider, new FixedClock(now))
            .RunAsync(CancellationToken.None);
    }

    /// <summary>The counting job, as its every-minute schedule would run it.</summary>
    public async Task<int> CountAsync()
    {
        await using var scope = session.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
    }

    /// <summary>The first link of the one mail of <paramref name="purpose"/> the person received, as a path.</summary>
    public static async Task<string> MailedLinkAsync(string email, string purpose)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var mail = Mailbox.To(email).SingleOrDefault(m => m.Headers["X-AwardVote-Purpose"] == purpose);
            if (mail is not null)
                return new Uri(Link().Match(mail.TextBody ?? "").Value).PathAndQuery;
            await Task.Delay(100);
        }
        throw new InvalidOperationException($"No {purpose} mail reached {email}.");
    }

    [GeneratedRegex(@"http://\S+")]
    private static partial Regex Link();

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
