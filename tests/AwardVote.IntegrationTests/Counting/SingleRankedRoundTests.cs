using AwardVote.Application.Ballots;
using AwardVote.Application.Counting;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>
/// A statute whose only round is ranked: with no earlier round to leave a shortlist, the round ranks every judged
/// nomination — on the ranking page, in the ballot and in the count, for every ranked method.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class SingleRankedRoundTests(Apps apps)
{
    public static TheoryData<DatabaseProvider, CountingMethod> Cases()
    {
        var cases = new TheoryData<DatabaseProvider, CountingMethod>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.PostgreSql })
            foreach (var method in new[] { CountingMethod.Schulze, CountingMethod.Borda, CountingMethod.InstantRunoff, CountingMethod.Plurality })
                cases.Add(provider, method);
        return cases;
    }

    [Theory, MemberData(nameof(Cases))]
    public async Task A_single_ranked_round_ranks_every_judged_nomination_and_is_counted(DatabaseProvider provider, CountingMethod method)
    {
        var app = apps.Get(provider);
        var statute = new CycleBuilder()
            .Titled("Viena kārta").Slug("single-ranked").InPhase(CyclePhase.Judging, round: 1)
            .WithCategory("Gada bibliotēka")
            .WithRankedRound(method)
            .Timeline(open: -30, review: -20, judging: -10, counting: 10);
        var cycle = await statute.CreateAsync(app);
        var category = cycle.Categories[0].Id;
        var ids = new List<int>();
        foreach (var name in new[] { "Alojas", "Baldones", "Cēsu" })
            ids.Add((await new NominationBuilder(cycle)
                .Of(new LibraryBuilder($"{name} bibliotēka").In("Vidzeme", name))
                .Submitted().Eligible().Frozen(statute.Now.AddDays(-20))
                .CreateAsync(app)).Id);
        // Not judged: the ranking must leave it out.
        await new NominationBuilder(cycle).Of(new LibraryBuilder("Dundagas bibliotēka").In("Kurzeme", "Dundaga"))
            .Submitted().Ineligible().Frozen(statute.Now.AddDays(-20)).CreateAsync(app);
        var jurorA = await new PersonBuilder("Juris A").Juror(cycle.Id, category).CreateAsync(app);
        var jurorB = await new PersonBuilder("Juris B").Juror(cycle.Id, category).CreateAsync(app);

        // The juror's ranking page offers the three judged nominations.
        using (var browser = await app.SignedInAsync(jurorA.Email))
        {
            var page = await browser.GetPageAsync($"/Jury/Ranking?cycleId={cycle.Id}&categoryId={category}");
            Assert.Contains("Sarindot pieteikumus", page);
            Assert.Contains("Alojas bibliotēka", page);
            Assert.Contains("Cēsu bibliotēka", page);
            Assert.DoesNotContain("Dundagas bibliotēka", page);
        }
        await RankAsync(app, cycle.Id, category, jurorA.Id, (ids[0], 1), (ids[1], 2), (ids[2], 3));
        await RankAsync(app, cycle.Id, category, jurorB.Id, (ids[0], 1), (ids[2], 2), (ids[1], 3));
        await app.ExecuteAsync(db => db.Cycles.Where(c => c.Id == cycle.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));

        await using (var scope = app.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRound>().RunAsync(cycle.Id, CancellationToken.None);

        var roundId = cycle.Rounds.Single().Id;
        var result = await app.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == roundId));
        Assert.Equal(RoundOutcome.Decided, result.Outcome);
        Assert.Equal("Alojas bibliotēka", CountProtocol.FromJson(result.ProtocolJson).Order[0].Name);
        Assert.Equal(3, CountProtocol.FromJson(result.ProtocolJson).Candidates.Count);
    }

    private static async Task RankAsync(AwardVoteApp app, int cycleId, int categoryId, string juror, params (int Nomination, int Rank)[] ranks)
    {
        await using var scope = app.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror,
            new CastRankingInput { CycleId = cycleId, CategoryId = categoryId, Ranks = ranks.ToDictionary(r => r.Nomination, r => (int?)r.Rank) },
            null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }
}
