using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Tests;
using Microsoft.Playwright;

namespace AwardVote.BrowserTests;

/// <summary>
/// Issue 17: a member of the public about to vote reads, beside the button, what is kept and for how long, follows the
/// link to the privacy notice and finds there the same period and whom to ask.
/// </summary>
public sealed class PrivacyNoticeTests(BrowserSession session) : IClassFixture<BrowserSession>
{
    [Fact]
    public async Task A_voter_follows_the_notice_link_from_the_vote_form_and_reads_how_long_the_address_is_kept()
    {
        var now = DateTimeOffset.UtcNow;
        var cycle = await new CycleBuilder()
            .Titled("Privātuma pārbaude", "Privacy check").Slug("privatums", length: 30)
            .InPhase(CyclePhase.Judging, round: 1).StatuteLockedAt(now.AddDays(-30)).NomineesPublic()
            .WithCategory("Gada bibliotēka", "Library of the Year")
            .WithPeoplesChoice(now.AddDays(-1), now.AddDays(7))
            .CreateAsync(session.App);
        await new NominationBuilder(cycle.Id, cycle.Categories[0].Id).Of(new LibraryBuilder($"Rūjienas bibliotēka {Unique.Id()[..6]}").In("Vidzeme"))
            .Status(NominationStatus.Submitted).Eligibility(EligibilityDecision.Eligible).Summary("Rūjiena: lasītāji un kopiena")
            .CreateAsync(session.App);
        var page = await session.NewPageAsync();

        await page.GotoAsync($"/Cycles/{cycle.Slug}/Vote");
        var note = page.GetByTestId("privacy-note");
        Assert.Contains("30 dienas pēc rezultātu publicēšanas", await note.InnerTextAsync());

        await note.GetByRole(AriaRole.Link, new() { Name = "Privātuma paziņojums" }).ClickAsync();
        await page.Locator("h1", new() { HasTextString = "Privātuma paziņojums" }).WaitForAsync();
        Assert.EndsWith("/Privacy", new Uri(page.Url).AbsolutePath);
        Assert.Contains("30 dienas pēc balsojuma rezultātu publicēšanas", await page.GetByTestId("retention-voters").InnerTextAsync());
        Assert.Equal("privatums@lbb.example", await page.GetByTestId("privacy-contact").InnerTextAsync());
        await BrowserSession.ScreenshotAsync(page, "privacy-notice-lv");
    }
}
