extern alias cli;
using System.Net.Http.Json;
using System.Net;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Application.Ties;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tally = cli::AwardVote.Cli.Tally;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>A ranked final that two jurors split exactly: the statute leaves the tie to the chair's casting vote.</summary>
[Collection(AppsCollection.Name)]
public sealed class CastingVoteTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Only_the_chair_breaks_a_first_place_tie_once_for_one_of_the_tied_and_with_a_reason(DatabaseProvider provider)
    {
        var (world, resultId, tied) = await TiedFinalAsync(provider);
        var chair = await ChairAsync(world);

        // A juror of the panel, not its chair, is refused by page and API; so is an administrator.
        using (var juror = await world.SignedInAsync(world.JurorAEmail))
        {
            using var api = await juror.Http.PostAsJsonAsync($"/api/results/{resultId}/casting-vote", new { chosen = tied[0], reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            using var jurorPage = await juror.Http.GetAsync($"/Jury/CastingVote?id={resultId}");
            Assert.StartsWith("/Account/AccessDenied", jurorPage.Headers.Location!.PathAndQuery);
        }
        using (var admin = new Browserless(world.App))
        {
            await admin.SignInAsync(AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail, AwardVote.Infrastructure.Demo.DemoSeeder.Password);
            using var api = await admin.Http.PostAsJsonAsync($"/api/results/{resultId}/casting-vote", new { chosen = tied[0], reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        }

        using var browser = await world.SignedInAsync(chair);
        // The chair's desk points at the waiting tie.
        Assert.Contains($"/Jury/CastingVote?id={resultId}", await browser.GetPageAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"));
        // Someone not tied, and no reason: refused with the reason said, nothing stored.
        var page = await browser.GetPageAsync($"/Jury/CastingVote?id={resultId}");
        using (var notTied = await browser.Http.PostAsJsonAsync($"/api/results/{resultId}/casting-vote", new { chosen = "Cesvaines bibliotēka", reason = "Labākais" }))
            Assert.Equal(HttpStatusCode.BadRequest, notTied.StatusCode);
        using (var noReason = await browser.SubmitFormAsync($"/Jury/CastingVote?id={resultId}", new Dictionary<string, string>
               { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page), ["Chosen"] = tied[1], ["Reason"] = " " }))
        {
            Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
            var html = await noReason.Content.ReadAsStringAsync();
            Assert.Contains("Norādiet izšķirošās balss pamatojumu", html);
        }
        Assert.Equal(0, await world.QueryAsync(db => db.CastingVotes.CountAsync(v => v.RoundResultId == resultId)));

        // The chair casts through the page.
        using (var cast = await browser.SubmitFormAsync($"/Jury/CastingVote?id={resultId}", new Dictionary<string, string>
               { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page), ["Chosen"] = tied[1], ["Reason"] = "Plašāka sadarbība ar kopienu" }))
            Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        Assert.Contains("casting-vote-recorded", await browser.GetPageAsync($"/Jury/CastingVote?id={resultId}"));

        // A second one, by page or API, changes nothing.
        using (var again = await browser.Http.PostAsJsonAsync($"/api/results/{resultId}/casting-vote", new { chosen = tied[0], reason = "Pārdomāju" }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var vote = await world.QueryAsync(db => db.CastingVotes.SingleAsync(v => v.RoundResultId == resultId));
        Assert.Equal(tied[1], vote.ChosenName);
        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.Id == resultId));
        Assert.Equal(RoundOutcome.UnbrokenTie, result.Outcome); // the count itself is untouched
        Assert.Equal(tied[1], TieRules.Winner(CountProtocol.FromJson(result.ProtocolJson), vote));
        var chosenLibrary = await world.QueryAsync(db => db.Nominations.Where(n => n.Id == vote.ChosenNominationId)
            .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => x.Name).SingleAsync());
        Assert.Equal(tied[1], chosenLibrary);
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "result.casting-vote" && e.EntityId == resultId.ToString())));
    }

    [Theory, AllProviders]
    public async Task The_casting_vote_is_part_of_the_protocol_and_the_order_and_awardvote_verify_accepts_it(DatabaseProvider provider)
    {
        var (world, resultId, tied) = await TiedFinalAsync(provider);
        var (chairId, _) = await ChairUserAsync(world);
        var cast = await CastAsync(world, resultId, chairId, tied[1]);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));

        using var admin = await world.App.SignedInAdministratorAsync();
        var files = $"/api/admin/cycles/{world.CycleId}/rounds/2/categories/{world.CategoryId}";
        var protocolJson = await admin.Http.GetStringAsync($"{files}/protocol");
        var ballotFile = await admin.Http.GetStringAsync($"{files}/ballots");
        var protocol = CountProtocol.FromJson(protocolJson);
        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
        Assert.Equal([new Placement(1, tied[1]), new Placement(2, tied[0])], protocol.Order.Take(2));
        Assert.Equal(tied[1], protocol.CastingVote!.Chosen);
        Assert.Equal("Priekšsēdētāja", protocol.CastingVote.Chair);
        Assert.Equal("Pamatojums", protocol.CastingVote.Reason);
        // The hash still covers the ballot file, which is the count's, untouched.
        var stored = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.Id == resultId));
        Assert.Equal(stored.BallotFileSha256, protocol.BallotFileSha256);
        Assert.Equal(RoundOutcome.UnbrokenTie, stored.Outcome);

        // awardvote verify recounts the tie and applies the published casting vote; one for someone not tied fails.
        var folder = Directory.CreateTempSubdirectory("awardvote-casting-");
        try
        {
            var ballots = new FileInfo(Path.Combine(folder.FullName, "ballots.txt"));
            var published = new FileInfo(Path.Combine(folder.FullName, "protocol.json"));
            await File.WriteAllTextAsync(ballots.FullName, ballotFile);
            await File.WriteAllTextAsync(published.FullName, protocolJson);
            var output = new StringWriter();
            Assert.True(Tally.Success == Tally.Verify(published, ballots, output, new StringWriter()), output.ToString());
            await File.WriteAllTextAsync(published.FullName, (protocol with { CastingVote = protocol.CastingVote with { Chosen = "Cesvaines bibliotēka" } }).ToJson());
            Assert.Equal(Tally.Mismatch, Tally.Verify(published, ballots, new StringWriter(), new StringWriter()));
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        // Results review and the printable protocol show the round decided, with the vote.
        var review = await admin.GetPageAsync($"/Admin/Results?cycleId={world.CycleId}");
        Assert.Matches($"data-testid=\"outcome-{resultId}\">\\s*Izšķirts\\s*<", review);
        var printable = await admin.GetPageAsync($"/Admin/Results/Protocol?id={resultId}");
        Assert.Contains($"Priekšsēdētāja to atdeva par pieteikumu “{tied[1]}”", printable);
        Assert.DoesNotContain("Neizšķirts rezultāts", printable);
    }

    [Theory, AllProviders]
    public async Task Casting_votes_given_at_once_store_one(DatabaseProvider provider)
    {
        var (world, resultId, tied) = await TiedFinalAsync(provider);
        var chair = await ChairIdAsync(world);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(async i =>
        {
            await using var scope = world.App.Scope();
            return await scope.ServiceProvider.GetRequiredService<CastCastingVote>().RunAsync(resultId, chair,
                new CastCastingVoteInput { Chosen = tied[i % 2], Reason = $"Balss {i}" }, CancellationToken.None);
        }));

        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.All(outcomes.Where(o => !o.Succeeded), o => Assert.True(o.Is(RefusalCode.CastingVoteAlreadyCast)));
        Assert.Equal(1, await world.QueryAsync(db => db.CastingVotes.CountAsync(v => v.RoundResultId == resultId)));
    }

    [Theory, AllProviders]
    public async Task No_casting_vote_outside_results_review_or_on_a_decided_result(DatabaseProvider provider)
    {
        var (world, resultId, tied) = await TiedFinalAsync(provider);
        var chair = await ChairIdAsync(world);
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Published)));
        Assert.True((await CastAsync(world, resultId, chair, tied[0])).Is(RefusalCode.CastingVoteNotInReview));

        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.ResultsReview)));
        // The same result had the count been decided: nothing to break.
        await world.QueryAsync(db => db.RoundResults.Where(r => r.Id == resultId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ProtocolJson, r => r.ProtocolJson.Replace("\"UnbrokenTie\"", "\"Decided\""))));
        Assert.True((await CastAsync(world, resultId, chair, tied[0])).Is(RefusalCode.CastingVoteNotNeeded));
        Assert.Equal(0, await world.QueryAsync(db => db.CastingVotes.CountAsync(v => v.RoundResultId == resultId)));
    }

    [Theory, AllProviders]
    public async Task The_chair_finds_the_tie_through_the_api_and_a_non_chair_or_a_result_without_a_tie_is_refused_alike(DatabaseProvider provider)
    {
        var (world, resultId, tied) = await TiedFinalAsync(provider);
        var chairEmail = await ChairAsync(world);

        // A juror of the panel is not its chair: the page and the API both say no, and the tie list is the chair's.
        using (var juror = await world.SignedInAsync(world.JurorAEmail))
        {
            using var page = await juror.Http.PostAsync($"/Jury/CastingVote?id={resultId}",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["Chosen"] = tied[0], ["Reason"] = "x" }));
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.PathAndQuery);
            using var api = await juror.Http.PostAsJsonAsync($"/api/results/{resultId}/casting-vote", new { chosen = tied[0], reason = "x" });
            Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
            using var ties = await juror.Http.GetAsync($"/api/jury/{world.CycleId}/{world.CategoryId}/ties");
            Assert.Equal(HttpStatusCode.Forbidden, ties.StatusCode);
        }

        using var chair = await world.SignedInAsync(chairEmail);
        var waiting = await chair.Http.GetFromJsonAsync<List<TieJson>>($"/api/jury/{world.CycleId}/{world.CategoryId}/ties");
        // The final's tie is listed with the id the casting vote needs (the world's first round, counted by the same
        // job without ballots, may wait too: it is another result).
        var tie = Assert.Single(waiting!, t => t.ResultId == resultId);
        Assert.Equal(2, tie.Round);
        Assert.Equal(tied.Order(), tie.Tied.Order());

        // The same result had the count been decided: nothing waits for the chair, in the page's words and the API's.
        await world.QueryAsync(db => db.RoundResults.Where(r => r.Id == resultId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.ProtocolJson, r => r.ProtocolJson.Replace("\"UnbrokenTie\"", "\"Decided\""))));
        var form = await chair.GetPageAsync($"/Jury/CastingVote?id={resultId}");
        using var refusedPage = await chair.Http.PostAsync($"/Jury/CastingVote?id={resultId}", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form), ["Chosen"] = tied[0], ["Reason"] = "Pamatojums" }));
        using var refusedApi = await chair.Http.PostAsJsonAsync($"/api/results/{resultId}/casting-vote", new { chosen = tied[0], reason = "Pamatojums" });
        Assert.Equal(HttpStatusCode.OK, refusedPage.StatusCode);
        Assert.Contains("Šim rezultātam izšķirošā balss nav vajadzīga.", await refusedPage.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, refusedApi.StatusCode);
        Assert.Equal(["Šim rezultātam izšķirošā balss nav vajadzīga."], await Parity.ProblemMessagesAsync(refusedApi));
        Assert.Equal(0, await world.QueryAsync(db => db.CastingVotes.CountAsync(v => v.RoundResultId == resultId)));
    }

    private sealed record TieJson(int ResultId, int Round, List<string> Tied);

    private static async Task<Outcome> CastAsync(JudgingWorld world, int resultId, string userId, string chosen)
    {
        await using var scope = world.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<CastCastingVote>().RunAsync(resultId, userId,
            new CastCastingVoteInput { Chosen = chosen, Reason = "Pamatojums" }, CancellationToken.None);
    }

    /// <summary>Juror A ranks first over second, juror B the reverse; the statute's chain goes straight to the chair.</summary>
    private async Task<(JudgingWorld World, int ResultId, string[] Tied)> TiedFinalAsync(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
        foreach (var (juror, ranks) in new[]
                 {
                     (world.JurorA, new Dictionary<int, int?> { [first] = 1, [second] = 2 }),
                     (world.JurorB, new Dictionary<int, int?> { [second] = 1, [first] = 2 }),
                 })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror, new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = ranks }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        await world.QueryAsync(async db =>
        {
            await db.TieBreakSteps.Where(t => t.CycleId == world.CycleId).ExecuteDeleteAsync();
            db.TieBreakSteps.Add(new TieBreakStep { CycleId = world.CycleId, Order = 1, Rule = TieBreakRule.ChairCastingVote });
            return await db.SaveChangesAsync();
        });
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting).SetProperty(c => c.RoundNumber, 2)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);

        var roundTwo = await world.QueryAsync(db => db.Rounds.Where(r => r.CycleId == world.CycleId && r.Number == 2).Select(r => r.Id).SingleAsync());
        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == roundTwo));
        Assert.Equal(RoundOutcome.UnbrokenTie, result.Outcome);
        Assert.Equal(CyclePhase.ResultsReview, await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).Select(c => c.Phase).SingleAsync()));
        var tied = TieRules.TiedForFirst(CountProtocol.FromJson(result.ProtocolJson)).ToArray();
        Assert.Equal(2, tied.Length);
        return (world, result.Id, tied);
    }

    private static async Task<string> ChairAsync(JudgingWorld world) => (await ChairUserAsync(world)).Email;
    private static async Task<string> ChairIdAsync(JudgingWorld world) => (await ChairUserAsync(world)).Id;

    private static Task<(string Id, string Email)> ChairUserAsync(JudgingWorld world) =>
        world.UserAsync("Priekšsēdētāja", id => RoleGrant.Chair(id, world.CycleId, world.CategoryId, DateTimeOffset.UtcNow, null));
}
