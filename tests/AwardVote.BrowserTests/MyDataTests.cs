using AwardVote.Domain.Cycles;
using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 17, item 3 in a real browser: a librarian opens the account page from the header, then "My data", finds the
/// nomination they wrote and downloads the same data as a JSON file.
/// </summary>
public sealed class MyDataTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_librarian_sees_their_nomination_under_my_data_and_downloads_it_as_json()
    {
        try
        {
            await JourneyAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-my-data");
            throw;
        }
    }

    private async Task JourneyAsync()
    {
        var summary = "Bibliotēka, kas lasa kopā ar visu pagastu " + Unique.Id()[..8];
        var cycle = await new CycleBuilder().InPhase(CyclePhase.NominationsOpen).CreateAsync(session.App);
        var library = await new LibraryBuilder().CreateAsync(session.App);
        var person = await new PersonBuilder("Dace Datu-Lasītāja").Email("my-data").Representative(library.Id).CreateAsync(session.App);
        await new NominationBuilder(cycle).Of(library.Id).Summary(summary).With(n => n.CreatedByUserId = person.Id).CreateAsync(session.App);

        var page = await session.NewPageAsync();
        await page.GotoAsync("/Account/Login");
        await page.Locator("#Input_Email").FillAsync(person.Email);
        await page.Locator("#Input_Password").FillAsync(PersonBuilder.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pieslēgties" }).ClickAsync();
        await page.GetByTestId("signed-in-as").WaitForAsync();

        await page.GetByTestId("account-security").ClickAsync();
        await page.GetByTestId("my-data").ClickAsync();
        await page.WaitForURLAsync("**/Account/Manage/Data");
        Assert.Equal("Mani dati", (await page.Locator("h1").InnerTextAsync()).Trim());
        Assert.Contains(summary, await page.GetByTestId("my-nomination").InnerTextAsync(), StringComparison.Ordinal);
        await BrowserSession.ScreenshotAsync(page, "95-my-data");

        var link = page.GetByTestId("download-my-data");
        Assert.Equal("Lejupielādēt JSON", (await link.InnerTextAsync()).Trim());
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        // The link's target, fetched with the page's cookies: the JSON file naming the person and their nomination.
        var file = await page.Context.APIRequest.GetAsync(new Uri(session.BaseAddress, href).ToString());
        Assert.Equal(200, file.Status);
        Assert.StartsWith("application/json", file.Headers["content-type"], StringComparison.Ordinal);
        Assert.Contains("attachment", file.Headers["content-disposition"], StringComparison.Ordinal);
        var json = await file.TextAsync();
        Assert.Contains(person.Name, json, StringComparison.Ordinal);
        Assert.Contains(person.Email, json, StringComparison.Ordinal);
        Assert.Contains(summary, json, StringComparison.Ordinal);
    }
}
