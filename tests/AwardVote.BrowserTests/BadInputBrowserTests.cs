using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 15, item 16, as a representative sees it: a photo past its size limit is caught by the page before the
/// upload starts, with the limit in Latvian beside the field, and the caption typed with it stays in the form. Before,
/// the server refused the whole upload with a bare error page and the typed text was gone.
/// </summary>
public sealed class BadInputBrowserTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_photo_past_its_limit_is_caught_before_the_upload_and_the_caption_stays()
    {
        var app = session.App;
        var cycle = await new CycleBuilder().Titled("Lielo failu gads").Slug("lieli").InPhase(CyclePhase.NominationsOpen)
            .WithoutCriteria().WithEligibilityRule("Publiskā bibliotēka").Timeline(open: -1, review: 30).CreateAsync(app);
        var library = await new LibraryBuilder("Rēzeknes bibliotēka").In("Latgale", "Rēzekne").Status(LibraryStatus.Approved).CreateAsync(app);
        var representative = await new PersonBuilder("Rasma Rēzekne").Representative(library.Id).CreateAsync(app);
        var nomination = await new NominationBuilder(cycle.Id, cycle.Categories[0].Id).Of(library.Id).Summary("Kopsavilkums").CreateAsync(app);
        var page = await session.NewPageAsync();
        try
        {
            await JourneyPages.SignInAsync(page, representative.Email, PersonBuilder.Password);
            await page.GotoAsync($"/Nominations/Attachments?id={nomination.Id}");
            await page.Locator("#Input_Caption").FillAsync("Lasītava pēc atjaunošanas");
            await page.GetByTestId("consent").CheckAsync();
            await page.GetByTestId("file").SetInputFilesAsync(new FilePayload
            {
                Name = "liela.png", MimeType = "image/png", Buffer = new byte[10 * 1024 * 1024 + 1],
            });
            await page.GetByTestId("upload").ClickAsync();

            await page.Locator(".file-too-large").Filter(new() { HasTextString = "Fails ir pārāk liels: ne vairāk kā 10 MB." }).WaitForAsync();
            await BrowserSession.ScreenshotAsync(page, "90-photo-too-large");
            Assert.Contains($"/Nominations/Attachments?id={nomination.Id}", page.Url);
            Assert.Equal("Lasītava pēc atjaunošanas", await page.Locator("#Input_Caption").InputValueAsync());
            Assert.Equal(0, await app.QueryAsync(db => db.Attachments.CountAsync(a => a.NominationId == nomination.Id)));
        }
        catch
        {
            await session.CaptureAllAsync("failed-bad-input");
            throw;
        }
    }
}
