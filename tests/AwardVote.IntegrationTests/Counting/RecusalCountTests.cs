extern alias cli;
using AwardVote.Application.Ballots;
using AwardVote.Application.Counting;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tally = cli::AwardVote.Cli.Tally;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>
/// A recused juror's ranked ballot is neutral about the nominee, through the job that counts the round and through
/// <c>awardvote verify</c> on the file it stored. One juror ranks Alsunga first; two jurors rank Bauska over Cesvaine
/// over Alsunga and are then found conflicted with Alsunga. Left off their ballots, Alsunga would rank last on both
/// and Bauska would win under every method; neutral, Alsunga wins.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class RecusalCountTests(Apps apps)
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
    public async Task A_recusal_in_a_ranked_final_neither_helps_nor_hurts_the_nominee(DatabaseProvider provider, CountingMethod method)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (alsunga, bauska, cesvaine) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        var roundTwo = await world.QueryAsync(db => db.Rounds.Where(r => r.CycleId == world.CycleId && r.Number == 2).Select(r => r.Id).SingleAsync());
        await world.QueryAsync(async db =>
        {
            db.Shortlist.Add(new ShortlistEntry { RoundId = world.RoundId, CategoryId = world.CategoryId, NominationId = cesvaine, Position = 3 });
            await db.Rounds.Where(r => r.Id == roundTwo).ExecuteUpdateAsync(s => s.SetProperty(r => r.Method, method));
            return await db.SaveChangesAsync();
        });
        var jurorC = await new PersonBuilder("Juris C").Juror(world.CycleId, world.CategoryId).CreateAsync(world.App);
        await RankAsync(world, world.JurorA, (alsunga, 1), (bauska, 2), (cesvaine, 3));
        await RankAsync(world, world.JurorB, (bauska, 1), (cesvaine, 2), (alsunga, 3));
        await RankAsync(world, jurorC.Id, (bauska, 1), (cesvaine, 2), (alsunga, 3));
        // Both turn out to be conflicted with Alsunga after they voted: B's conflict is confirmed, C's still waits for
        // its decision when the round is counted — a recusal all the same.
        await world.QueryAsync(db =>
        {
            db.Conflicts.AddRange(new[] { world.JurorB, jurorC.Id }.Select(juror => new ConflictOfInterest
            {
                CycleId = world.CycleId, NominationId = alsunga, JurorUserId = juror, Source = ConflictSource.SameRegion,
                Reason = "Kurzeme", Status = juror == jurorC.Id ? ConflictStatus.Proposed : ConflictStatus.Confirmed,
            }));
            return db.SaveChangesAsync();
        });
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting).SetProperty(c => c.RoundNumber, 2)));

        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);

        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == roundTwo));
        Assert.Equal(
            "Alsungas bibliotēka > Bauskas bibliotēka > Cesvaines bibliotēka\n" +
            "Bauskas bibliotēka > Cesvaines bibliotēka ~ Alsungas bibliotēka * 2\n", result.BallotFile);
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        Assert.Equal("Alsungas bibliotēka", protocol.Order[0].Name);
        Assert.Equal(1, protocol.Order.Count(p => p.Rank == 1));
        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
        Assert.Equal([new CandidateValue("Alsungas bibliotēka", 2)], protocol.NoPreferences);
        Assert.Equal(RankedCounter.NoPreferenceRule(CountingMethods.ToRanked(method)), protocol.NoPreferenceRule);

        // The printable protocol says how the recusals were counted, in Latvian.
        using (var admin = new Browserless(world.App))
        {
            await admin.SignInAsync(AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail, AwardVote.Infrastructure.Demo.DemoSeeder.Password);
            var page = await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}");
            Assert.Contains("Atstatīta žūrijas locekļa biļetens par šo pieteikumu neizsaka nekādu priekšroku", page);
            Assert.Contains("Biļeteni bez priekšrokas par pieteikumu “Alsungas bibliotēka”: 2.", page);
        }

        // An outside reader recounts the stored file with the CLI and gets the same order and hash.
        var folder = Directory.CreateTempSubdirectory("awardvote-recusal-");
        try
        {
            var ballots = new FileInfo(Path.Combine(folder.FullName, "ballots.txt"));
            var published = new FileInfo(Path.Combine(folder.FullName, "protocol.json"));
            await File.WriteAllTextAsync(ballots.FullName, result.BallotFile);
            await File.WriteAllTextAsync(published.FullName, result.ProtocolJson);
            var error = new StringWriter();
            Assert.True(Tally.Success == Tally.Verify(published, ballots, new StringWriter(), error), error.ToString());
            var tally = new StringWriter();
            Assert.Equal(Tally.Success, Tally.Ranked(ballots, protocol.Method, json: false, tally, new StringWriter()));
            Assert.StartsWith("1\tAlsungas bibliotēka\n", tally.ToString().ReplaceLineEndings("\n"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task RankAsync(JudgingWorld world, string juror, params (int Nomination, int Rank)[] ranks)
    {
        await using var scope = world.App.Scope();
        var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror,
            new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = ranks.ToDictionary(r => r.Nomination, r => (int?)r.Rank) },
            null, CancellationToken.None);
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }
}
