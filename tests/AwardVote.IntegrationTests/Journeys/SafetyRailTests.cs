using System.Net;
using System.Net.Http.Json;
using AwardVote.Application;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Publishing;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Journeys;

/// <summary>
/// Issue 16, item 9: steps that cannot be undone show what they will do and ask first — publication previews its page
/// and mails and needs a confirmation (page and API alike); a phase move names its round and its effects; the cycle
/// overview lists what is not ready; a copied statute takes the old dates a year on; the public schedule tells the truth.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SafetyRailTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Publish_now_shows_the_page_and_every_mail_first_and_publishes_only_when_confirmed(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        await world.ReadyAsync();
        using var admin = await world.SignedInAdministratorAsync();
        using var client = await world.App.BearerClientAsync(DemoSeeder.AdministratorEmail);

        var overview = await admin.GetPageAsync(world.PublicationPage);
        Assert.Contains("preview=true", overview);
        Assert.DoesNotContain("data-testid=\"confirm-publish\"", overview);
        var preview = await admin.GetPageAsync(world.PublicationPage + "&preview=true");
        Assert.Contains("data-testid=\"publication-preview\"", preview);
        Assert.Contains(world.Citation, preview);
        Assert.Contains("data-testid=\"preview-mail\"", preview);
        Assert.Contains(world.EndorserWantingResults, preview);
        Assert.Contains("data-testid=\"confirm-publish\"", preview);
        // The preview wrote nothing: no mail queued, still in review.
        Assert.False(await world.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == world.EndorserWantingResults)));
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());

        // An administrator who skips the preview (a hand-made post, an old script) is refused, alike on the page and the API.
        using (var page = await world.PressAsync(admin, "Publish"))
        using (var api = await client.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/publish", new { at = (DateTimeOffset?)null }))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
            Assert.Equal(nameof(RefusalCode.PublicationNotConfirmed), await Parity.ProblemCodeAsync(api));
            const string message = "apstipriniet publicēšanu";
            Assert.Contains(message, PublicationWorld.Body(page));
            Assert.Contains(await Parity.ProblemMessagesAsync(api), m => m.Contains(message, StringComparison.Ordinal));
        }
        Assert.Equal(CyclePhase.ResultsReview, await world.PhaseAsync());
        Assert.DoesNotContain(await world.PublicationsAsync(), p => p.PublishedAt != null);

        using (var confirmed = await world.PressAsync(admin, "Publish", new Dictionary<string, string> { ["Confirm"] = "true" }))
            Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(CyclePhase.Published, await world.PhaseAsync());
        Assert.True(await world.QueryAsync(db => db.Outbox.AnyAsync(m => m.ToEmail == world.EndorserWantingResults)));

        // The library's own nomination page shows the result too.
        var representative = world.Representatives[world.Laureate];
        using var library = await world.SignedInAsync(representative);
        var own = await library.GetPageAsync($"/Nominations/Edit?id={world.Laureate}");
        Assert.Contains("data-testid=\"nomination-result\"", own);
        Assert.Contains("Jūsu bibliotēka ir šīs balvas laureāte", own);
        var other = world.Representatives[world.Others[1]];
        using var loser = await world.SignedInAsync(other);
        Assert.Contains("Balvu ieguva cita bibliotēka:", await loser.GetPageAsync($"/Nominations/Edit?id={world.Others[1]}"));
    }

    [Theory, AllProviders]
    public async Task The_phase_move_names_its_step_and_says_how_many_nominations_are_not_submitted(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await new CycleBuilder().Titled("Margu cikls").Slug("rails").InPhase(CyclePhase.NominationsOpen)
            .Timeline(open: -5, review: 20).CreateAsync(app);
        for (var i = 0; i < 2; i++)
            await new NominationBuilder(cycle).Of((await new LibraryBuilder($"Melnraksta bibliotēka {i}").CreateAsync(app)).Id).CreateAsync(app);
        await new NominationBuilder(cycle).Of((await new LibraryBuilder("Iesniedzēja").CreateAsync(app)).Id).Submitted().CreateAsync(app);
        using var admin = await app.SignedInAdministratorAsync();

        var page = await admin.GetPageAsync($"/Admin/Cycles/{cycle.Id}");
        Assert.Contains("data-testid=\"move-effects\"", page);
        Assert.Contains("Nav iesniegti pieteikumi: 2.", page);
        Assert.Contains("tiks iesaldēti", page);
        // The readiness checklist: nobody on the jury yet, each item links to where it is fixed.
        Assert.Contains("data-testid=\"ready-jury\"", page);
        Assert.Matches("class=\"todo\" data-testid=\"ready-chair\">\\s*<span[^>]*>[^<]*</span>\\s*<a href=\"/Admin/Jury\\?cycleId=" + cycle.Id, page);
        Assert.Matches("class=\"done\" data-testid=\"ready-criteria\"", page);
        Assert.Matches("data-testid=\"ready-schedule\">\\s*<span[^>]*>[^<]*</span>\\s*<a href=\"/Admin/Cycles/" + cycle.Id + "/Schedule\"", page);

        await app.ExecuteAsync(db => db.Cycles.Where(c => c.Id == cycle.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.EligibilityReview)));
        await new PersonBuilder("Žūrijas loceklis").Juror(cycle.Id, cycle.Categories[0].Id).CreateAsync(app);
        var review = await admin.GetPageAsync($"/Admin/Cycles/{cycle.Id}");
        Assert.Contains("Vērtēšana (1. kārta)", review.Replace("&#x101;", "ā").Replace("&#x113;", "ē"));
        Assert.Contains("Tiks atvērta vērtēšanas 1. kārta", review.Replace("&#x101;", "ā").Replace("&#x113;", "ē").Replace("&#x161;", "š"));
    }

    [Theory, AllProviders]
    public async Task A_copied_statute_takes_the_earlier_dates_a_year_on_at_the_same_local_time(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        // 2030-03-31 23:59 in Riga is summer time (+3), 2031-03-31 23:59 too; 2030-01-15 12:00 is winter time (+2).
        var opens = new DateTimeOffset(2030, 1, 15, 12, 0, 0, TimeSpan.FromHours(2));
        var closes = new DateTimeOffset(2030, 3, 31, 23, 59, 0, TimeSpan.FromHours(3));
        var source = await new CycleBuilder().Titled("Vecais cikls").Slug("old").Year(2030)
            .Starts(CyclePhase.NominationsOpen, opens.ToUniversalTime()).Starts(CyclePhase.EligibilityReview, closes.ToUniversalTime()).CreateAsync(app);

        var copy = await app.InScopeAsync(s => s.GetRequiredService<CreateCycle>().RunAsync(new CreateCycleInput
        {
            Title = "Jaunais cikls", Year = 2031, CopyFromCycleId = source.Id, ShiftDates = true,
        }, CancellationToken.None));
        var plain = await app.InScopeAsync(s => s.GetRequiredService<CreateCycle>().RunAsync(new CreateCycleInput
        {
            Title = "Cikls bez datumiem", Year = 2031, CopyFromCycleId = source.Id,
        }, CancellationToken.None));

        var steps = await app.QueryAsync(db => db.PhaseSteps.Where(s => s.CycleId == copy.Value!.Id).ToListAsync());
        Assert.Equal(new DateTimeOffset(2031, 1, 15, 10, 0, 0, TimeSpan.Zero), steps.Single(s => s.Phase == CyclePhase.NominationsOpen).StartsAt);
        Assert.Equal(new DateTimeOffset(2031, 3, 31, 20, 59, 0, TimeSpan.Zero), steps.Single(s => s.Phase == CyclePhase.EligibilityReview).StartsAt);
        Assert.All(await app.QueryAsync(db => db.PhaseSteps.Where(s => s.CycleId == plain.Value!.Id).ToListAsync()), s => Assert.Null(s.StartsAt));
    }

    [Theory, AllProviders]
    public async Task The_public_schedule_shows_when_a_step_moved_by_hand_really_began(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var planned = DateTimeOffset.UtcNow.AddDays(10);
        var cycle = await new CycleBuilder().Titled("Agrais cikls").Slug("early").InPhase(CyclePhase.NominationsOpen)
            .Timeline(open: -5).Starts(CyclePhase.EligibilityReview, planned).CreateAsync(app);
        var moved = await app.InScopeAsync(s => s.GetRequiredService<MovePhase>().RunAsync(cycle.Id,
            new MovePhaseInput { Direction = "next", Reason = "Pieteikumu termiņš saīsināts" }, CancellationToken.None));
        Assert.True(moved.Succeeded);
        var review = cycle.Schedule.Single(s => s.Phase == CyclePhase.EligibilityReview);

        using var stranger = new Browserless(app);
        var page = await stranger.GetPageAsync($"/Cycles/{cycle.Slug}");
        Assert.Contains($"data-testid=\"actual-{review.Sequence}\"", page);
        Assert.Contains("plānots:", page.Replace("&#x101;", "ā"));
        Assert.Contains(MailTexts.LocalTime(planned, cycle.TimeZone), page.Replace("&#x2B;", "+"));
    }
}
