using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Counting;

[Collection(AppsCollection.Name)]
public sealed class CountRoundJobTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_closed_score_round_is_counted_once_without_conflicted_ballots_and_the_cycle_goes_to_review(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var (a, b, c) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        await CastAsync(world, world.JurorA, a, 5, 5);
        await CastAsync(world, world.JurorA, b, 1, 1);
        await CastAsync(world, world.JurorA, c, 3, 3);
        await CastAsync(world, world.JurorB, a, 4, 4);
        await CastAsync(world, world.JurorB, b, 5, 5);
        await CastAsync(world, world.JurorB, c, 3, 3);
        // Juror B turns out to be conflicted with b: their 5 must not lift it.
        await world.QueryAsync(async db =>
        {
            db.Conflicts.Add(new ConflictOfInterest { CycleId = world.CycleId, NominationId = b, JurorUserId = world.JurorB, Source = ConflictSource.SameMunicipality, Reason = "Bauska", Status = ConflictStatus.Confirmed });
            return await db.SaveChangesAsync();
        });
        await MoveToAsync(world, CyclePhase.Counting, 1);

        // Twice, and twice at once (two nodes): the unique key keeps one result. (Other tests' cycles may be counted too.)
        await RunAsync(world);
        await Task.WhenAll(RunAsync(world), RunAsync(world));

        Assert.Equal(1, await world.QueryAsync(db => db.RoundResults.CountAsync(r => r.RoundId == world.RoundId)));
        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == world.RoundId));
        Assert.Equal(RoundOutcome.Decided, result.Outcome);
        Assert.Equal(BallotFileWriter.Sha256Hex(result.BallotFile), result.BallotFileSha256);
        Assert.DoesNotContain(world.JurorA, result.BallotFile);
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        Assert.Equal(["Alsungas bibliotēka", "Cesvaines bibliotēka", "Bauskas bibliotēka"], protocol.Order.Select(p => p.Name));
        // The file recounts offline to the same order.
        var recount = ScoreCounter.Count(ScoreBallotFile.Parse(result.BallotFile), new ScoreCountOptions { Weights = new Dictionary<string, decimal> { ["Pakalpojumi"] = 0.6m, ["Projekti"] = 0.4m } });
        Assert.Equal(protocol.Order.Select(p => p.Name), recount.Order.Select(p => p.Name));
        Assert.Equal(CyclePhase.ResultsReview, await world.QueryAsync(db => db.Cycles.Where(x => x.Id == world.CycleId).Select(x => x.Phase).SingleAsync()));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "round.counted" && e.CycleId == world.CycleId)));

        // The administrator reviews it and downloads the file for an offline recount; a juror may not.
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail, AwardVote.Infrastructure.Demo.DemoSeeder.Password);
        var review = await admin.GetPageAsync($"/Admin/Results?cycleId={world.CycleId}");
        Assert.Contains(result.BallotFileSha256, review);
        Assert.True(review.IndexOf("Alsungas bibliotēka", StringComparison.Ordinal) < review.IndexOf("Bauskas bibliotēka", StringComparison.Ordinal));
        Assert.Equal(result.BallotFile, await admin.Http.GetStringAsync($"/Admin/Results?handler=BallotFile&id={result.Id}"));
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        using var denied = await juror.Http.GetAsync($"/Admin/Results?cycleId={world.CycleId}");
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery);
    }

    [Theory, AllProviders]
    public async Task A_scoring_round_followed_by_a_ranked_one_leaves_its_shortlist(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        await world.QueryAsync(db => db.Shortlist.Where(s => s.RoundId == world.RoundId).ExecuteDeleteAsync());
        // Back in round 1 while it is open.
        await world.QueryAsync(db => db.PhaseSteps.Where(x => x.CycleId == world.CycleId && x.Phase == CyclePhase.Shortlist)
            .ExecuteUpdateAsync(x => x.SetProperty(p => p.StartsAt, DateTimeOffset.UtcNow.AddDays(1))));
        await MoveToAsync(world, CyclePhase.Judging, 1);
        await CastAsync(world, world.JurorA, world.NominationIds[0], 2, 2);
        await CastAsync(world, world.JurorA, world.NominationIds[1], 5, 4);
        await CastAsync(world, world.JurorA, world.NominationIds[2], 4, 4);
        await MoveToAsync(world, CyclePhase.Shortlist, 1);

        await RunAsync(world);

        var shortlist = await world.QueryAsync(db => db.Shortlist.Where(s => s.RoundId == world.RoundId).OrderBy(s => s.Position).Select(s => s.NominationId).ToListAsync());
        Assert.Equal([world.NominationIds[1], world.NominationIds[2]], shortlist);
    }

    [Theory, AllProviders]
    public async Task A_ranked_final_is_counted_by_the_statutes_method(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
        foreach (var juror in new[] { world.JurorA, world.JurorB })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror,
                new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = new Dictionary<int, int?> { [second] = 1, [first] = 2 } }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        await MoveToAsync(world, CyclePhase.Counting, 2);

        await RunAsync(world);

        var roundTwo = await world.QueryAsync(db => db.Rounds.Where(r => r.CycleId == world.CycleId && r.Number == 2).Select(r => r.Id).SingleAsync());
        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == roundTwo));
        Assert.Equal("Bauskas bibliotēka > Alsungas bibliotēka * 2\n", result.BallotFile);
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        Assert.Equal("Bauskas bibliotēka", protocol.Order[0].Name);
        Assert.Equal(BallotFileParser.Parse(result.BallotFile).Sha256, result.BallotFileSha256);
    }

    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int first, int second)
    {
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
            new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = first, [world.CriterionIds[1]] = second } }, null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }

    private static Task MoveToAsync(JudgingWorld world, CyclePhase phase, int round) =>
        world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, phase).SetProperty(c => c.RoundNumber, round)));

    private static async Task<int> RunAsync(JudgingWorld world)
    {
        await using var scope = world.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
    }
}
