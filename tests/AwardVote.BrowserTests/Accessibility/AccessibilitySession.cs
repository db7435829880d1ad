using Microsoft.Playwright;

namespace AwardVote.BrowserTests.Accessibility;

/// <summary>
/// One app and browser (a <see cref="BrowserSession"/>) with the <see cref="AccessibilityWorld"/> made once, shared
/// by the tests of a class.
/// </summary>
public sealed class AccessibilitySession : IAsyncLifetime
{
    public BrowserSession Browser { get; } = new();
    public AccessibilityWorld World { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Browser.InitializeAsync();
        World = await AccessibilityWorld.CreateAsync(Browser.App);
    }

    public Task DisposeAsync() => Browser.DisposeAsync();

    /// <summary>A fresh browser context signed in as <paramref name="email"/> (none: anonymous), in the given language.</summary>
    public async Task<IPage> PageAsync(string? email, string password, string culture)
    {
        var page = await Browser.NewPageAsync();
        if (email is not null)
        {
            await page.GotoAsync("/Account/Login");
            await page.Locator("#Input_Email").FillAsync(email);
            await page.Locator("#Input_Password").FillAsync(password);
            await page.Locator("form button[type=submit]", new() { HasTextString = "Pieslēgties" }).ClickAsync();
            await page.GetByTestId("signed-in-as").WaitForAsync();
        }
        else
        {
            await page.GotoAsync("/");
        }
        // Switching also stores the account's preferred language, so a sign-in may land in either.
        if (await page.GetByTestId($"switch-to-{culture}").CountAsync() > 0)
        {
            await page.GetByTestId($"switch-to-{culture}").ClickAsync();
            await page.Locator($"html[lang={culture}]").WaitForAsync();
        }
        return page;
    }
}
