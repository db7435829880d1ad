extern alias cli;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Tally = cli::AwardVote.Cli.Tally;

namespace AwardVote.IntegrationTests.Publishing;

/// <summary>
/// Anyone can check a published result: after publication, with no sign-in, the results page and the results API offer
/// the count behind the laureate (ballot file, protocol, SHA-256) when the statute opens it, and awardvote verify on
/// the downloaded files reproduces the published order and hash. Nothing before publication, nothing the statute keeps.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PublicVerificationTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task After_publication_a_stranger_downloads_the_count_and_verify_reproduces_the_published_result(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        // The final here is a score round: the statute opens every count (a ranked one is open by default).
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PublicCountFiles, PublicCountFiles.AllRounds)));
        await world.ReadyAsync();
        using var stranger = new Browserless(world.App);
        var files = $"/api/cycles/{world.Slug}/results/{world.CategoryId}";

        // Before publication: nothing, to anyone outside.
        using (var early = await stranger.Http.GetAsync($"{files}/ballots"))
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);
        using (var early = await stranger.Http.GetAsync($"{files}/protocol"))
            Assert.Equal(HttpStatusCode.NotFound, early.StatusCode);

        Assert.True((await world.PublishAsync()).Succeeded);

        var results = await stranger.Http.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.Slug}/results");
        var count = results.GetProperty("announcements")[0].GetProperty("count");
        Assert.Equal($"{files}/ballots", count.GetProperty("ballotFileUrl").GetString());
        var sha256 = count.GetProperty("ballotFileSha256").GetString()!;
        var page = await stranger.GetPageAsync($"/Cycles/{world.Slug}/Results");
        Assert.Contains("Pārbaudiet skaitīšanu", page);
        Assert.Contains(sha256, page);
        Assert.Contains($"href=\"{files}/protocol\"", page);

        using var ballotResponse = await stranger.Http.GetAsync(count.GetProperty("ballotFileUrl").GetString());
        Assert.Equal(HttpStatusCode.OK, ballotResponse.StatusCode);
        var ballotFile = await ballotResponse.Content.ReadAsStringAsync();
        var protocolJson = await stranger.Http.GetStringAsync(count.GetProperty("protocolUrl").GetString());
        Assert.Equal(sha256, BallotFileWriter.Sha256Hex(ballotFile));
        Assert.Equal(sha256, CountProtocol.FromJson(protocolJson).BallotFileSha256);
        var laureate = results.GetProperty("announcements")[0].GetProperty("laureate").GetProperty("libraryName").GetString();
        Assert.Equal(laureate, CountProtocol.FromJson(protocolJson).Order[0].Name);

        var folder = Directory.CreateTempSubdirectory("awardvote-public-");
        try
        {
            var ballots = new FileInfo(Path.Combine(folder.FullName, "ballots.csv"));
            var protocol = new FileInfo(Path.Combine(folder.FullName, "protocol.json"));
            await File.WriteAllTextAsync(ballots.FullName, ballotFile);
            await File.WriteAllTextAsync(protocol.FullName, protocolJson);
            var output = new StringWriter();
            Assert.True(Tally.Success == Tally.Verify(protocol, ballots, output, new StringWriter()), output.ToString());
            Assert.Contains(sha256, output.ToString());
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // A statute that keeps its counts: the same files are not found, and the API offers none.
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.PublicCountFiles, PublicCountFiles.None)));
        using (var kept = await stranger.Http.GetAsync($"{files}/ballots"))
            Assert.Equal(HttpStatusCode.NotFound, kept.StatusCode);
        var closed = await stranger.Http.GetFromJsonAsync<JsonElement>($"/api/cycles/{world.Slug}/results");
        Assert.Equal(JsonValueKind.Null, closed.GetProperty("announcements")[0].GetProperty("count").ValueKind);
    }

    [Theory, AllProviders]
    public async Task By_default_only_ranked_counts_are_public_so_a_score_final_stays_with_the_association(DatabaseProvider provider)
    {
        var world = await PublicationWorld.InReviewAsync(apps.Get(provider));
        Assert.Equal(PublicCountFiles.RankedRounds, await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).Select(c => c.PublicCountFiles).SingleAsync()));
        await world.ReadyAsync();
        Assert.True((await world.PublishAsync()).Succeeded);
        using var stranger = new Browserless(world.App);

        using (var scores = await stranger.Http.GetAsync($"/api/cycles/{world.Slug}/results/{world.CategoryId}/ballots"))
            Assert.Equal(HttpStatusCode.NotFound, scores.StatusCode);
        var page = await stranger.GetPageAsync($"/Cycles/{world.Slug}/Results");
        Assert.DoesNotContain("Pārbaudiet skaitīšanu", page);
    }
}
