using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.IntegrationTests.Support;
using AwardVote.Infrastructure.Data;
using AwardVote.Tests;

namespace AwardVote.IntegrationTests.Cycles;

[Collection(AppsCollection.Name)]
public sealed class PublicCyclePageTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Draft_cycles_are_not_public(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app);
        using var browser = new Browserless(app);

        using var page = await browser.Http.GetAsync($"/Cycles/{cycle.Slug}");
        using var api = await browser.Http.GetAsync($"/api/cycles/{cycle.Slug}");

        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.DoesNotContain(cycle.Slug, await browser.GetPageAsync("/Cycles"));
    }

    [Theory, AllProviders]
    public async Task The_public_page_shows_the_statute_and_schedule_to_anyone(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen, configure: c =>
        {
            c.Schedule.Single(s => s.Phase == CyclePhase.EligibilityReview).StartsAt = new DateTimeOffset(2031, 4, 30, 21, 0, 0, TimeSpan.Zero);
            c.TieBreakChain = [new TieBreakStep { Order = 1, Rule = TieBreakRule.ChairCastingVote }];
        });
        using var browser = new Browserless(app);

        var html = await browser.GetPageAsync($"/Cycles/{cycle.Slug}");

        Assert.Contains("Oriģināli projekti", html);
        Assert.Contains("svars 0,3", html);
        Assert.Contains("izcili, dokumentēta ietekme", html);
        Assert.Contains("Vērtējumu svērtais vidējais", html);
        Assert.Contains("Žūrijas priekšsēdētāja izšķirošā balss", html);
        Assert.Contains("Publiskā bibliotēka", html);
        Assert.Contains("2031. gada 1. maijā plkst. 0.00", html);
        Assert.DoesNotContain("Europe/Riga", html);
        Assert.Contains("aria-current=\"step\"", html);
        Assert.Contains(cycle.Slug, await browser.GetPageAsync("/Cycles"));
        var json = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/cycles/{cycle.Slug}");
        Assert.Equal("NominationsOpen", json.GetProperty("phase").GetString());
        Assert.Equal(0.3m, json.GetProperty("statute").GetProperty("criteria")[0].GetProperty("weight").GetDecimal());
    }

    [Theory, AllProviders]
    public async Task Nominees_stay_hidden_while_nominations_are_open(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.NominationsOpen);
        await CycleData.AddNominationAsync(app, cycle.Id, "Agrā bibliotēka");
        using var browser = new Browserless(app);

        var html = await browser.GetPageAsync($"/Cycles/{cycle.Slug}");

        Assert.Contains("data-testid=\"nominees-hidden\"", html);
        Assert.DoesNotContain("Agrā bibliotēka", html);
    }

    [Theory, AllProviders]
    public async Task Nominees_stay_hidden_when_the_statute_says_so(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview, nomineesPublic: false);
        await CycleData.AddNominationAsync(app, cycle.Id, "Slepenā bibliotēka");
        using var browser = new Browserless(app);

        var html = await browser.GetPageAsync($"/Cycles/{cycle.Slug}");

        Assert.Contains("neparedz publiski parādīt pieteiktās bibliotēkas", html);
        Assert.DoesNotContain("Slepenā bibliotēka", html);
    }

    [Theory, AllProviders]
    public async Task Nominees_are_shown_after_nominations_close_but_not_drafts_withdrawn_or_ineligible_ones(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview);
        await CycleData.AddNominationAsync(app, cycle.Id, "Redzamā bibliotēka");
        await CycleData.AddNominationAsync(app, cycle.Id, "Nepabeigtā bibliotēka", NominationStatus.Draft);
        await CycleData.AddNominationAsync(app, cycle.Id, "Atsauktā bibliotēka", NominationStatus.Withdrawn);
        await CycleData.AddNominationAsync(app, cycle.Id, "Neatbilstošā bibliotēka", eligibility: EligibilityDecision.Ineligible);
        using var browser = new Browserless(app);

        var html = await browser.GetPageAsync($"/Cycles/{cycle.Slug}");

        Assert.Contains("Redzamā bibliotēka", html);
        Assert.Contains("Redzamā bibliotēka: kopiena un projekti", html);
        Assert.DoesNotContain("Nepabeigtā bibliotēka", html);
        Assert.DoesNotContain("Atsauktā bibliotēka", html);
        Assert.DoesNotContain("Neatbilstošā bibliotēka", html);
    }

    [Theory, AllProviders]
    public async Task The_home_page_links_each_cycle_to_its_public_page(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var cycle = await CycleData.CreateAsync(app, CyclePhase.EligibilityReview);
        using var browser = new Browserless(app);

        Assert.Contains($"href=\"/Cycles/{cycle.Slug}\"", await browser.GetPageAsync("/"));
    }
}
