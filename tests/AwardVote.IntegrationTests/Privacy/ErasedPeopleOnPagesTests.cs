using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AwardVote.Application.Ballots;
using AwardVote.Application.Jury;
using AwardVote.Application.Privacy;
using AwardVote.Application.Ties;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Privacy;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using AwardVote.Tests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// After an erasure the records the award keeps still name the person's id (a counted ballot, a conflict declaration,
/// a casting vote), which then names nobody: the jury and protocol pages say "an erased person" with the pseudonym the
/// audit log uses — never an empty name or an account id — and the erased juror's declaration, which still decides a
/// recusal, stays on the chair's list. The stored protocol and its hash do not change.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class ErasedPeopleOnPagesTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Pages_name_an_erased_juror_and_chair_in_words_and_keep_the_jurors_conflict(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second, third) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        var juror = await new PersonBuilder($"Erika Dzēšamā {Unique.Id()[..8]}").Email("dzesama-jurore").Juror(world.CycleId, world.CategoryId).CreateAsync(world.App);
        var chair = await world.UserAsync("Priekšsēdētāja", id => RoleGrant.Chair(id, world.CycleId, world.CategoryId, DateTimeOffset.UtcNow, null));
        await using (var scope = world.App.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<DeclareConflict>()
                .RunAsync(juror.Id, third, new DeclareConflictInput { Reason = "Strādāju šajā bibliotēkā" }, CancellationToken.None)).Succeeded);

        // A ranked final two jurors split exactly; the chair breaks the tie.
        foreach (var (id, ranks) in new[]
                 {
                     (world.JurorA, new Dictionary<int, int?> { [first] = 1, [second] = 2 }),
                     (world.JurorB, new Dictionary<int, int?> { [second] = 1, [first] = 2 }),
                 })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>()
                .RunAsync(id, new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = ranks }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        await world.QueryAsync(async db =>
        {
            await db.TieBreakSteps.Where(t => t.CycleId == world.CycleId).ExecuteDeleteAsync();
            db.TieBreakSteps.Add(new TieBreakStep { CycleId = world.CycleId, Order = 1, Rule = TieBreakRule.ChairCastingVote });
            return await db.SaveChangesAsync();
        });
        // A statute that names jurors after the close, so that the protocol's recusals name the erased juror too.
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s
            .SetProperty(c => c.Phase, CyclePhase.Counting).SetProperty(c => c.RoundNumber, 2).SetProperty(c => c.Secrecy, ScoreSecrecy.VisibleToJuryAfterClose)));
        await using (var scope = world.App.Scope())
            await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
        var roundTwo = await world.QueryAsync(db => db.Rounds.Where(r => r.CycleId == world.CycleId && r.Number == 2).Select(r => r.Id).SingleAsync());
        var counted = await world.QueryAsync(db => db.RoundResults.AsNoTracking().SingleAsync(r => r.RoundId == roundTwo));
        var tied = TieRules.TiedForFirst(CountProtocol.FromJson(counted.ProtocolJson)).ToArray();
        await using (var scope = world.App.Scope())
            Assert.True((await scope.ServiceProvider.GetRequiredService<CastCastingVote>().RunAsync(counted.Id, chair.Id,
                new CastCastingVoteInput { Chosen = tied[1], Reason = "Plašāka sadarbība ar kopienu" }, CancellationToken.None)).Succeeded);

        // The results are published; then both ask to be erased.
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Published)));
        foreach (var email in new[] { juror.Email, chair.Email })
        {
            await using var scope = world.App.Scope();
            var erased = await scope.ServiceProvider.GetRequiredService<ErasePerson>()
                .RunAsync(new EraseOnRequestInput { Email = email, Reason = "Vēstule 2026. gada 1. decembrī", Confirmed = true }, CancellationToken.None);
            Assert.True(erased.Succeeded, string.Join(", ", erased.Refusals));
        }
        var pseudonyms = world.App.Services.GetRequiredService<Pseudonyms>();
        var (jurorWords, chairWords) = ($"Dzēsta persona {pseudonyms.Person(juror.Id)}", $"Dzēsta persona {pseudonyms.Person(chair.Id)}");
        var newChair = await world.UserAsync("Jaunā priekšsēdētāja", id => RoleGrant.Chair(id, world.CycleId, world.CategoryId, DateTimeOffset.UtcNow, null));

        // The chair's conflict list keeps the erased juror's declaration, in words, on the page and in the API.
        using (var browser = await world.SignedInAsync(newChair.Email))
        {
            var conflicts = await browser.GetPageAsync($"/Jury/Conflicts?cycleId={world.CycleId}&categoryId={world.CategoryId}");
            Assert.Contains(jurorWords, conflicts);
            AssertNoIdOrEmptyCell(conflicts, juror.Id, chair.Id);
            var rows = await browser.Http.GetFromJsonAsync<JsonElement>($"/api/jury/{world.CycleId}/{world.CategoryId}/conflicts");
            Assert.Contains(rows.EnumerateArray(), r => r.GetProperty("jurorUserId").GetString() == juror.Id
                && r.GetProperty("jurorName").GetString() == pseudonyms.Person(juror.Id));

            var progress = await browser.GetPageAsync($"/Jury/Progress?cycleId={world.CycleId}&categoryId={world.CategoryId}");
            AssertNoIdOrEmptyCell(progress, juror.Id, chair.Id);
        }

        // Results review, the printable protocol and the protocol handed out: the erased chair in words, no account id.
        using (var admin = await world.App.SignedInAdministratorAsync())
        {
            var review = await admin.GetPageAsync($"/Admin/Results?cycleId={world.CycleId}");
            AssertNoIdOrEmptyCell(review, juror.Id, chair.Id);
            var printable = await admin.GetPageAsync($"/Admin/Results/Protocol?id={counted.Id}");
            Assert.Contains($"{chairWords} to atdeva par pieteikumu “{tied[1]}”", printable);
            Assert.Contains(jurorWords, printable);
            AssertNoIdOrEmptyCell(printable, juror.Id, chair.Id);

            var json = await admin.Http.GetStringAsync($"/api/admin/cycles/{world.CycleId}/rounds/2/categories/{world.CategoryId}/protocol");
            Assert.Equal(pseudonyms.Person(chair.Id), CountProtocol.FromJson(json).CastingVote!.Chair);
            Assert.DoesNotContain(chair.Id, json);
        }

        // What is stored is the count's own: not a character changed.
        var kept = await world.QueryAsync(db => db.RoundResults.AsNoTracking().SingleAsync(r => r.Id == counted.Id));
        Assert.Equal((counted.BallotFile, counted.BallotFileSha256, counted.ProtocolJson), (kept.BallotFile, kept.BallotFileSha256, kept.ProtocolJson));
        Assert.Equal(chair.Id, await world.QueryAsync(db => db.CastingVotes.Where(v => v.RoundResultId == counted.Id).Select(v => v.ChairUserId).SingleAsync()));
    }

    /// <summary>No account id of the erased people, and no name left empty.</summary>
    private static void AssertNoIdOrEmptyCell(string html, params string[] ids)
    {
        foreach (var id in ids)
            Assert.DoesNotContain(id, html);
        // (A matrix's empty corner stands in its head; every cell of a table's body says something.)
        Assert.DoesNotMatch(new Regex("<tbody>(?:(?!</tbody>).)*<td></td>", RegexOptions.Singleline), html);
        Assert.DoesNotContain(" — </h3>", html);
    }
}
