using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 17, item 4 in a real browser: a person opens the account page, follows "Dzēst kontu", confirms with the
/// password and the address, is signed out, and the password signs in no more.
/// </summary>
public sealed class EraseAccountTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_person_deletes_their_account_from_the_account_page_and_cannot_sign_in_again()
    {
        try
        {
            await JourneyAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-erase-journey");
            throw;
        }
    }

    private async Task JourneyAsync()
    {
        var person = await new PersonBuilder("Inga Aizejošā").Email("aizejosa").CreateAsync(session.App);
        var page = await SignInAsync(person.Email);
        await page.GetByTestId("signed-in-as").WaitForAsync();

        await page.GotoAsync("/Account/Manage/TwoFactor");
        await page.GetByTestId("delete-account-link").ClickAsync();
        await page.GetByTestId("delete-password").FillAsync(PersonBuilder.Password);
        await page.GetByTestId("delete-confirmation").FillAsync(person.Email);
        await BrowserSession.ScreenshotAsync(page, "95-delete-account");
        await page.GetByTestId("delete-account").ClickAsync();
        await page.GetByTestId("account-deleted").WaitForAsync();
        Assert.Equal(0, await page.GetByTestId("signed-in-as").CountAsync());

        var again = await SignInAsync(person.Email);
        await again.Locator(".error-summary").WaitForAsync();
        Assert.Equal(0, await again.GetByTestId("signed-in-as").CountAsync());
    }

    private async Task<IPage> SignInAsync(string email)
    {
        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(email);
        await page.Locator("#Input_Password").FillAsync(PersonBuilder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        return page;
    }
}
