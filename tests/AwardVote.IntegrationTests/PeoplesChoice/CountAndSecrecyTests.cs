using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.PeoplesChoice;

[Collection(AppsCollection.Name)]
public sealed class CountAndSecrecyTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Counts_stay_secret_while_voting_everywhere(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        await CastAsync(world, 1, 3);
        using var browser = new Browserless(world.App);

        var api = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/peoples-choice/{world.Slug}/results");
        Assert.False(api.GetProperty("visible").GetBoolean());
        Assert.Equal(0, api.GetProperty("categories").GetArrayLength());
        Assert.Equal("Open", api.GetProperty("state").GetString());
        foreach (var url in new[] { $"/Cycles/{world.Slug}/Vote", $"/Cycles/{world.Slug}" })
            Assert.DoesNotContain("data-testid=\"peoples-choice-results\"", await browser.GetPageAsync(url));

        // Administrators see turnout, not votes per nominee.
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        var adminPage = await admin.GetPageAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}");
        Assert.Contains("3 balsojuma pieprasījumi, 3 apstiprinātas balsis", adminPage);
        Assert.DoesNotContain("data-testid=\"live-count\"", adminPage);

        // After close, still nothing until the cycle's results are published.
        await world.CloseVoteAsync();
        await RunCountAsync(world);
        var closed = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/peoples-choice/{world.Slug}/results");
        Assert.False(closed.GetProperty("visible").GetBoolean());
        Assert.DoesNotContain("data-testid=\"peoples-choice-results\"", await browser.GetPageAsync($"/Cycles/{world.Slug}"));
    }

    [Theory, AllProviders]
    public async Task A_live_count_is_public_where_the_statute_allows_it(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider), s => s.LiveCount = true);
        await CastAsync(world, 1, 2);
        await CastAsync(world, 0, 1);
        using var browser = new Browserless(world.App);

        var api = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/peoples-choice/{world.Slug}/results");

        Assert.True(api.GetProperty("visible").GetBoolean());
        Assert.False(api.GetProperty("final").GetBoolean());
        var first = api.GetProperty("categories")[0];
        Assert.Equal(3, first.GetProperty("votes").GetInt64());
        Assert.Equal(world.NameOf(1), first.GetProperty("nominees")[0].GetProperty("name").GetString());
        Assert.Equal(2, first.GetProperty("nominees")[0].GetProperty("votes").GetInt64());
        var page = await browser.GetPageAsync($"/Cycles/{world.Slug}");
        Assert.Contains("data-testid=\"peoples-choice-results\"", page);
        Assert.Contains(world.NameOf(1), page);
    }

    [Theory, AllProviders]
    public async Task After_close_the_count_is_stored_once_with_its_ballot_file_and_published_with_the_results(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        // Alsungas gets no vote: it is in neither the file nor the protocol, and is listed last beside them.
        await CastAsync(world, 1, 3);
        await CastAsync(world, 2, 2);
        // Not before close, whoever asks.
        await RunCountAsync(world);
        Assert.Equal(0, await world.QueryAsync(db => db.PeoplesChoiceResults.CountAsync(r => r.CycleId == world.CycleId)));
        await world.CloseVoteAsync();
        await world.MoveToAsync(CyclePhase.Counting);

        await RunCountAsync(world);
        await Task.WhenAll(RunCountAsync(world), RunCountAsync(world));

        var results = await world.QueryAsync(db => db.PeoplesChoiceResults.Where(r => r.CycleId == world.CycleId).OrderBy(r => r.CategoryId).ToListAsync());
        Assert.Equal(2, results.Count);
        var first = results[0];
        Assert.Equal(3, first.Votes);
        Assert.Equal($"{world.NameOf(1)} * 3\n", first.BallotFile);
        Assert.Equal(BallotFileWriter.Sha256Hex(first.BallotFile), first.BallotFileSha256);
        // The file recounts offline (awardvote verify reads it) to the same winner and hash.
        var recount = RankedCounter.Count(BallotFileParser.Parse(first.BallotFile), RankedMethod.Plurality);
        Assert.Equal(first.BallotFileSha256, recount.BallotFileSha256);
        Assert.Equal(world.NameOf(1), CountProtocol.FromJson(first.ProtocolJson).Order[0].Name);
        Assert.Equal(world.NameOf(1), recount.Order[0].Name);
        Assert.Equal(2, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.CycleId == world.CycleId && a.Action == "peoples-choice.counted")));

        // Counted, but the cycle's results are not published: still secret.
        using var browser = new Browserless(world.App);
        Assert.False((await browser.Http.GetFromJsonAsync<JsonElement>($"/api/peoples-choice/{world.Slug}/results")).GetProperty("visible").GetBoolean());

        // The administrator reviews it with the file to download.
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        Assert.Contains(first.BallotFileSha256, await admin.GetPageAsync($"/Admin/PeoplesChoice?cycleId={world.CycleId}"));
        Assert.Equal(first.BallotFile, await admin.Http.GetStringAsync($"/Admin/PeoplesChoice?handler=BallotFile&id={first.Id}"));

        await world.MoveToAsync(CyclePhase.Published);
        var published = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/peoples-choice/{world.Slug}/results");
        Assert.True(published.GetProperty("visible").GetBoolean());
        Assert.True(published.GetProperty("final").GetBoolean());
        var category = published.GetProperty("categories")[0];
        Assert.Equal(first.BallotFileSha256, category.GetProperty("ballotFileSha256").GetString());
        Assert.Equal(3, category.GetProperty("nominees")[0].GetProperty("votes").GetInt64());
        Assert.Equal((world.NameOf(0), 0, 2), (category.GetProperty("nominees")[1].GetProperty("name").GetString(),
            category.GetProperty("nominees")[1].GetProperty("votes").GetInt64(), category.GetProperty("nominees")[1].GetProperty("rank").GetInt32()));
        var page = await browser.GetPageAsync($"/Cycles/{world.Slug}");
        Assert.Contains("data-testid=\"peoples-choice-results\"", page);
        Assert.Contains(first.BallotFileSha256, page);
    }

    [Theory, AllProviders]
    public async Task The_administrator_can_count_a_closed_vote_at_once_and_not_an_open_one(DatabaseProvider provider)
    {
        var world = await VoteWorld.CreateAsync(apps.Get(provider));
        await CastAsync(world, 0, 1);
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(Infrastructure.Demo.DemoSeeder.AdministratorEmail, Infrastructure.Demo.DemoSeeder.Password);
        var url = $"/Admin/PeoplesChoice?cycleId={world.CycleId}";

        using var early = await admin.Http.PostAsync($"/Admin/PeoplesChoice?handler=Count&cycleId={world.CycleId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(await admin.GetPageAsync(url)) }));
        Assert.Equal(0, await world.QueryAsync(db => db.PeoplesChoiceResults.CountAsync(r => r.CycleId == world.CycleId)));

        await world.CloseVoteAsync();
        using var counted = await admin.SubmitFormAsync(url, new Dictionary<string, string>(), $"/Admin/PeoplesChoice?handler=Count&cycleId={world.CycleId}");
        Assert.Equal(HttpStatusCode.Redirect, counted.StatusCode);
        Assert.Equal(2, await world.QueryAsync(db => db.PeoplesChoiceResults.CountAsync(r => r.CycleId == world.CycleId)));
    }

    /// <summary>Confirms <paramref name="votes"/> votes of new voters for the nominee at <paramref name="index"/>.</summary>
    private static async Task CastAsync(VoteWorld world, int index, int votes)
    {
        using var client = world.App.CreateClient();
        for (var i = 0; i < votes; i++)
        {
            using var confirmed = await world.ConfirmAsync(client, await world.AddRequestAsync(world.Voter(), index));
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }
    }

    private static async Task<int> RunCountAsync(VoteWorld world)
    {
        await using var scope = world.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<CountPeoplesChoiceJob>().RunAsync(CancellationToken.None);
    }
}
