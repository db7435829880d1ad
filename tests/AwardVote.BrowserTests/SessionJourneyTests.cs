using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 15, item 5 in a real browser: someone signed in on a library's shared computer and at home signs out
/// everywhere from home; the shared computer's next page asks for the password, and home stays signed in.
/// </summary>
public sealed class SessionJourneyTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task Signing_out_everywhere_ends_the_session_left_open_on_another_computer()
    {
        try
        {
            await JourneyAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-session-journey");
            throw;
        }
    }

    private async Task JourneyAsync()
    {
        var person = await new PersonBuilder().Email("shared-computer").CreateAsync(session.App);
        var shared = await SignedInAsync(person.Email);
        var home = await SignedInAsync(person.Email);

        await home.GotoAsync("/Account/Manage/Sessions");
        await home.GetByTestId("sign-out-everywhere").ClickAsync();
        await home.GetByTestId("sessions-ended").WaitForAsync();
        await BrowserSession.ScreenshotAsync(home, "90-signed-out-everywhere");

        await shared.GotoAsync("/");
        await shared.GetByTestId("sign-in-link").WaitForAsync();
        Assert.Equal(0, await shared.GetByTestId("signed-in-as").CountAsync());

        await home.GotoAsync("/");
        await home.GetByTestId("signed-in-as").WaitForAsync();
    }

    private async Task<IPage> SignedInAsync(string email)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(PersonBuilder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();
        return page;
    }
}
