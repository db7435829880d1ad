using System.Text.Json;
using AwardVote.Application.Ballots;
using AwardVote.Application.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Cycles;

/// <summary>
/// Scores leave the system with the round's count, not before: between the close and the count, the administrator's
/// scores export and the board's means stay shut, so nobody reads a mean before the result it leads to is fixed.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ScoresAfterCountTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_closed_round_shows_no_score_until_it_is_counted(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        foreach (var (juror, nomination, score) in new[] { (world.JurorA, world.NominationIds[0], 5), (world.JurorA, world.NominationIds[1], 2) })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
                new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = score, [world.CriterionIds[1]] = score } },
                null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        // Closed by the clock; the counting job has not run yet.
        await world.QueryAsync(db => db.PhaseSteps.Where(s => s.CycleId == world.CycleId && s.Phase == CyclePhase.Counting)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, DateTimeOffset.UtcNow.AddMinutes(-1))));
        using var admin = await world.SignedInAdministratorAsync();
        var export = $"/Admin/Exports?handler=Download&cycleId={world.CycleId}&what=scores&format=csv&round=1";
        var progress = $"/api/jury/{world.CycleId}/{world.CategoryId}/progress";

        var early = await admin.Http.GetAsync(export);
        Assert.Contains("vēl nav saskaitīta", await early.Content.ReadAsStringAsync());
        using (var doc = JsonDocument.Parse(await admin.Http.GetStringAsync(progress)))
        {
            Assert.True(doc.RootElement.GetProperty("roundIsClosed").GetBoolean());
            Assert.All(doc.RootElement.GetProperty("jurors").EnumerateArray(), j => Assert.Equal(JsonValueKind.Null, j.GetProperty("mean").ValueKind));
        }

        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRound>().RunAsync(world.CycleId, CancellationToken.None);

        using var counted = await admin.Http.GetAsync(export);
        Assert.Equal("text/csv", counted.Content.Headers.ContentType?.MediaType);
        using var after = JsonDocument.Parse(await admin.Http.GetStringAsync(progress));
        var jurorA = after.RootElement.GetProperty("jurors").EnumerateArray().Single(j => j.GetProperty("userId").GetString() == world.JurorA);
        Assert.Equal(JsonValueKind.Number, jurorA.GetProperty("mean").ValueKind);
    }
}
