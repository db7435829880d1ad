using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 15 in a real browser: a person sets up an authenticator app (the test is the phone: it computes the code
/// from the key the page shows, RFC 6238), signs in again with a code, adds a passkey (Chromium's virtual
/// authenticator, through the DevTools protocol) and signs in with the passkey alone.
/// </summary>
public sealed class SecondFactorJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_person_sets_up_an_authenticator_signs_in_with_its_code_adds_a_passkey_and_signs_in_with_it()
    {
        try
        {
            await JourneyAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-second-factor-journey");
            throw;
        }
    }

    private async Task JourneyAsync()
    {
        var person = await new PersonBuilder("Laima Drošā").Email("passkey").CreateAsync(session.App);

        // The authenticator app: set up on the account's security page.
        var first = await NewPageOnLocalhostAsync();
        await SignInWithPasswordAsync(first.Page, person.Email);
        await first.Page.GetByTestId("signed-in-as").WaitForAsync();
        await first.Page.GetByTestId("account-security").ClickAsync();
        await first.Page.GetByTestId("set-up-authenticator").ClickAsync();
        await first.Page.GetByTestId("authenticator-qr").WaitForAsync();
        var key = await first.Page.GetByTestId("shared-key").InnerTextAsync();
        await first.Page.GetByTestId("authenticator-code").FillAsync(Totp.Code(key));
        await first.Page.GetByTestId("enable-authenticator").ClickAsync();
        await first.Page.GetByTestId("recovery-codes").WaitForAsync();
        await BrowserSession.ScreenshotAsync(first.Page, "30-authenticator-recovery-codes");

        // Signing in again asks for the code.
        var second = await NewPageOnLocalhostAsync();
        await SignInWithPasswordAsync(second.Page, person.Email);
        await second.Page.GetByTestId("two-factor-code").FillAsync(Totp.Code(key));
        await BrowserSession.ScreenshotAsync(second.Page, "31-sign-in-code");
        await second.Page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await second.Page.GetByTestId("signed-in-as").WaitForAsync();

        // A passkey, made by the browser's (virtual) authenticator.
        var cdp = await second.Context.NewCDPSessionAsync(second.Page);
        await cdp.SendAsync("WebAuthn.enable");
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2", ["transport"] = "internal", ["hasResidentKey"] = true, ["hasUserVerification"] = true,
                ["isUserVerified"] = true, ["automaticPresenceSimulation"] = true,
            },
        });
        await second.Page.GotoAsync("/Account/Manage/Passkeys");
        await second.Page.GetByTestId("passkey-name").FillAsync("Darba dators");
        await second.Page.GetByTestId("passkey-password").FillAsync(PersonBuilder.Password);
        await second.Page.GetByTestId("add-passkey").ClickAsync();
        await second.Page.GetByTestId("passkey-added").WaitForAsync();
        Assert.Contains("Darba dators", await second.Page.GetByTestId("passkeys").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(second.Page, "32-passkey-added");

        // Signed out, the passkey alone signs in: no password, no code.
        await second.Page.Locator("form[action='/Account/Logout'] button").ClickAsync();
        await second.Page.GotoAsync("/Account/Login");
        await second.Page.GetByTestId("sign-in-with-passkey").ClickAsync();
        await second.Page.GetByTestId("signed-in-as").WaitForAsync();
        Assert.Equal("Laima Drošā", await second.Page.GetByTestId("signed-in-as").InnerTextAsync());
    }

    /// <summary>
    /// A page of its own on "localhost" rather than 127.0.0.1: WebAuthn does not take an IP address as the site a
    /// passkey belongs to.
    /// </summary>
    private async Task<(IBrowserContext Context, IPage Page)> NewPageOnLocalhostAsync()
    {
        var address = new UriBuilder(session.BaseAddress) { Host = "localhost" }.Uri.ToString().TrimEnd('/');
        var context = await session.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = address });
        return (context, await context.NewPageAsync());
    }

    private static async Task SignInWithPasswordAsync(IPage page, string email)
    {
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(PersonBuilder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties", Exact = true }).ClickAsync();
    }
}
