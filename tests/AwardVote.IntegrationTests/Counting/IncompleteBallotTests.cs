using AwardVote.Application.Ballots;
using AwardVote.Application.Jury;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>
/// Issue 14, item 2: a half-filled score ballot is a draft. The juror sees it as one, the chair's board calls it
/// unfinished, and the count leaves it out and says how many it left out: one definition of "complete" for all.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class IncompleteBallotTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_half_filled_ballot_is_a_draft_the_count_leaves_out_and_says_so_and_the_board_agrees(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var (a, b) = (world.NominationIds[0], world.NominationIds[1]);
        await CastAsync(world, world.JurorA, a, 4, 4);
        await CastAsync(world, world.JurorA, b, 3, 3);
        await CastAsync(world, world.JurorB, a, 3, 3);
        // Juror B scores only the first criterion of b, with the top mark: averaged over what was filled in, this
        // lifted b (3.6) over a (3.5).
        await CastAsync(world, world.JurorB, b, 5, null);

        using (var juror = await world.SignedInAsync(world.JurorBEmail))
        {
            Assert.Contains("data-state=\"draft\"", await juror.GetPageAsync($"/Jury/Nomination?id={b}"));
            Assert.Contains("data-state=\"complete\"", await juror.GetPageAsync($"/Jury/Nomination?id={a}"));
        }
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting).SetProperty(c => c.RoundNumber, 1)));
        await world.App.CountRoundsAsync();

        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == world.RoundId));
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        Assert.Equal(["Alsungas bibliotēka", "Bauskas bibliotēka"], protocol.Order.Select(p => p.Name).Take(2));
        Assert.Equal(1, protocol.IncompleteBallotsLeftOut);
        Assert.DoesNotContain(",Bauskas bibliotēka,Pakalpojumi,5", result.BallotFile);
        var board = await world.App.InScopeAsync(services =>
            services.GetRequiredService<PanelProgress>().RunAsync(world.CycleId, world.CategoryId, DateTimeOffset.UtcNow, CancellationToken.None));
        foreach (var (id, name) in new[] { (a, "Alsungas bibliotēka"), (b, "Bauskas bibliotēka") })
            Assert.Equal(board!.Nominations.Single(n => n.NominationId == id).Complete, protocol.Score!.Nominations.Single(n => n.Name == name).Jurors);

        using var admin = await world.SignedInAdministratorAsync();
        var page = await admin.GetPageAsync($"/Admin/Results/Protocol?id={result.Id}");
        Assert.Contains("Nepabeigti vērtējumi, kas netika skaitīti: 1.", page);
    }

    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int first, int? second)
    {
        var cast = await world.App.InScopeAsync(services => services.GetRequiredService<CastScoreBallot>().RunAsync(juror, new CastScoreBallotInput
        {
            NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = first, [world.CriterionIds[1]] = second },
        }, null, CancellationToken.None));
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }
}
