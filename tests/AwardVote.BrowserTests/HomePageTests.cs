using AwardVote.Infrastructure.Demo;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

public sealed class HomePageTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_visitor_switches_to_English_and_back_and_the_administrator_signs_in()
    {
        var page = await session.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal("lv", await page.Locator("html").GetAttributeAsync("lang"));
        Assert.Equal("Gada bibliotēka", await page.Locator("h1").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "01-home-lv");

        await page.GetByTestId("switch-to-en").ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Library of the Year" }).WaitForAsync();
        Assert.Equal("en", await page.Locator("html").GetAttributeAsync("lang"));
        await BrowserSession.ScreenshotAsync(page, "02-home-en");

        await page.GetByTestId("switch-to-lv").ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Gada bibliotēka" }).WaitForAsync();

        await page.GetByTestId("sign-in-link").ClickAsync();
        await page.GetByLabel("E-pasts").FillAsync(DemoSeeder.AdministratorEmail);
        await page.GetByLabel("Parole").FillAsync(DemoSeeder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();

        await page.GetByTestId("signed-in-as").WaitForAsync();
        Assert.Equal("Administratore Anna", await page.GetByTestId("signed-in-as").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Administrēšana" }).ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Administrēšana" }).WaitForAsync();
        Assert.True(await page.GetByTestId("jobs-link").IsVisibleAsync());
        await BrowserSession.ScreenshotAsync(page, "03-admin-lv");
    }
}
