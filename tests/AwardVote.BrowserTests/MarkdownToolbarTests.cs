using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 16, item 6, as a librarian writes: the buttons above the nomination's text make words bold, italic, a list
/// and a link, by mouse and by keyboard, with their names and the hint in Latvian; a paragraph that starts with
/// "2019. gadā" reaches the jury's preview as a paragraph, not a list numbered 2019.
/// </summary>
public sealed class MarkdownToolbarTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_librarian_formats_the_text_with_buttons_and_a_year_stays_a_sentence()
    {
        var app = session.App;
        var cycle = await new CycleBuilder().Titled("Rīku joslas gads").Slug("riki").InPhase(CyclePhase.NominationsOpen)
            .WithoutCriteria().WithEligibilityRule("Publiskā bibliotēka").Timeline(open: -1, review: 30).CreateAsync(app);
        var library = await new LibraryBuilder("Alojas bibliotēka").In("Vidzeme", "Aloja").Status(LibraryStatus.Approved).CreateAsync(app);
        var representative = await new PersonBuilder("Anna Aloja").Representative(library.Id).CreateAsync(app);
        var nomination = await new NominationBuilder(cycle.Id, cycle.Categories[0].Id).Of(library.Id).Summary("Kopsavilkums").Achievements("").CreateAsync(app);
        var page = await session.NewPageAsync();
        page.SetDefaultTimeout(90_000);
        try
        {
            await JourneyPages.SignInAsync(page, representative.Email, PersonBuilder.Password);
            await page.GotoAsync($"/Nominations/Edit?id={nomination.Id}");
            var text = page.GetByTestId("achievements");
            var toolbar = page.Locator("[data-markdown-toolbar='Input_Achievements']");

            // The buttons speak Latvian, and the hint explains them in words, not in **syntax**.
            await toolbar.GetByRole(AriaRole.Button, new() { Name = "Treknraksts" }).WaitForAsync();
            Assert.Contains("atlasiet tos un spiediet pogu", await page.Locator("#achievements-hint").InnerTextAsync());
            Assert.DoesNotContain("**", await page.Locator("#achievements-hint").InnerTextAsync());

            // Bold with the mouse: select the words, press the button.
            await text.FillAsync("Atvērām bērnu lasītavu");
            await text.PressAsync("End");
            for (var i = 0; i < "bērnu lasītavu".Length; i++)
                await text.PressAsync("Shift+ArrowLeft");
            await toolbar.GetByTestId("md-bold").ClickAsync();
            Assert.Equal("Atvērām **bērnu lasītavu**", await text.InputValueAsync());

            // Italic from the keyboard.
            await text.PressAsync("End");
            await text.PressSequentiallyAsync(" un grāmatu busu.");
            await text.PressAsync("ArrowLeft");
            for (var i = 0; i < "grāmatu busu".Length; i++)
                await text.PressAsync("Shift+ArrowLeft");
            await text.PressAsync("Control+i");
            Assert.Equal("Atvērām **bērnu lasītavu** un *grāmatu busu*.", await text.InputValueAsync());

            // A list: the caret's line becomes an item; the button is reached and pressed with the keyboard.
            await text.PressAsync("End");
            await text.PressAsync("Control+End");
            await text.PressAsync("Enter");
            await text.PressAsync("Enter");
            await text.PressSequentiallyAsync("lasīšanas klubs");
            await toolbar.GetByTestId("md-list").FocusAsync();
            await page.Keyboard.PressAsync("Enter");
            Assert.EndsWith("\n\n- lasīšanas klubs", await text.InputValueAsync());

            // A link: the address is asked in Latvian.
            string? asked = null;
            page.Dialog += async (_, dialog) =>
            {
                asked = dialog.Message;
                await dialog.AcceptAsync("https://aloja.example/klubs");
            };
            for (var i = 0; i < "klubs".Length; i++)
                await text.PressAsync("Shift+ArrowLeft");
            await toolbar.GetByTestId("md-link").ClickAsync();
            Assert.Equal("Saites adrese (https://…)", asked);
            Assert.EndsWith("- lasīšanas [klubs](https://aloja.example/klubs)", await text.InputValueAsync());

            // A paragraph about the year, as Latvians write it.
            await text.PressAsync("Control+End");
            await text.PressSequentiallyAsync("\n\n2019. gadā atvērām digitālo centru.");
            await BrowserSession.ScreenshotAsync(page, "95-markdown-toolbar");
            await page.GetByTestId("save").ClickAsync();
            await page.GetByTestId("message").WaitForAsync();

            await page.GotoAsync($"/Nominations/Preview?id={nomination.Id}");
            var shown = page.GetByTestId("achievements-html");
            Assert.Equal("bērnu lasītavu", await shown.Locator("strong").InnerTextAsync());
            Assert.Equal("grāmatu busu", await shown.Locator("em").InnerTextAsync());
            Assert.Equal("https://aloja.example/klubs", await shown.Locator("ul li a").GetAttributeAsync("href"));
            Assert.Equal(0, await shown.Locator("ol").CountAsync());
            Assert.Equal("2019. gadā atvērām digitālo centru.", await shown.Locator("p").Last.InnerTextAsync());
            Assert.Contains("2019. gadā", await app.QueryAsync(db => db.Nominations.Where(n => n.Id == nomination.Id).Select(n => n.Achievements!).SingleAsync()));

            // In English the buttons are English.
            await page.GotoAsync($"/Nominations/Edit?id={nomination.Id}&culture=en");
            await page.Locator("[data-markdown-toolbar='Input_Achievements']").GetByRole(AriaRole.Button, new() { Name = "Bold" }).WaitForAsync();
        }
        catch
        {
            await session.CaptureAllAsync("failed-markdown-toolbar");
            throw;
        }
    }
}
