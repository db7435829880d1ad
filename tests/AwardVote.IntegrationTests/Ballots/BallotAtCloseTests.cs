using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Ballots;

/// <summary>
/// The moment a round closes: a ballot already on its way when the close (a phase move, or the count reading the
/// ballots) takes the cycle's lock is refused once it gets the lock — never saved after a close or a count that did
/// not see it.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class BallotAtCloseTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_ballot_in_flight_while_the_round_closes_is_refused_not_saved_after_the_close(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        await using var closing = world.App.Scope();
        var db = closing.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        // The close holds the cycle's lock, as a phase move or the count does, ...
        await JudgingRound.LockCycleAsync(db, world.CycleId, CancellationToken.None);

        // ... while a juror's ballot is being saved: its checks before the lock see the round open.
        var cast = Task.Run(async () =>
        {
            await using var scope = world.App.Scope();
            return await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(world.JurorA,
                new CastScoreBallotInput { NominationId = world.NominationIds[0], Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = 5, [world.CriterionIds[1]] = 5 } },
                null, CancellationToken.None);
        });
        await Task.Delay(1500);
        await db.PhaseSteps.Where(s => s.CycleId == world.CycleId && s.Phase == CyclePhase.Counting)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddSeconds(-1)));
        await transaction.CommitAsync();

        var outcome = await cast;
        Assert.False(outcome.Succeeded);
        Assert.True(outcome.Is(RefusalCode.RoundClosedOn) || outcome.Is(RefusalCode.RoundClosed), string.Join(", ", outcome.Refusals));
        Assert.Equal(0, await world.QueryAsync(q => q.ScoreBallots.CountAsync(b => b.RoundId == world.RoundId)));
    }
}
