using System.Net;
using System.Net.Http.Json;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Ballots;

/// <summary>
/// Issue 14, item 7: an administrator's paper ballot never replaces the juror's own electronic ballot, and never
/// touches the juror's private notes.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class PaperBallotTrustTests(Apps apps)
{
    private const string ElectronicExists =
        "Šis žūrijas loceklis šajā kārtā jau ir balsojis elektroniski: papīra vērtējums nevar aizstāt elektronisko.";

    [Theory, AllProviders]
    public async Task A_paper_ballot_is_refused_alike_while_the_juror_has_an_electronic_one_and_the_notes_stay(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        await CastAsync(world, world.JurorA, id, 4, 5, enteredBy: null, notes: "MANAS-PIEZĪMES");
        var before = await BallotAsync(world, world.JurorA, id);

        using var admin = await world.SignedInAdministratorAsync();
        var url = $"/Admin/PaperBallots?cycleId={world.CycleId}&categoryId={world.CategoryId}";
        using var page = await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["JurorId"] = world.JurorA, ["NominationId"] = id.ToString(),
            [$"Scores[{world.CriterionIds[0]}]"] = "1", [$"Scores[{world.CriterionIds[1]}]"] = "1",
        }, url);
        using var api = await admin.Http.PutAsJsonAsync("/api/admin/paper-ballots/score", new
        {
            jurorId = world.JurorA, nominationId = id,
            scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 1, [world.CriterionIds[1].ToString()] = 1 },
        });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains(ElectronicExists, Parity.FormErrors(await page.Content.ReadAsStringAsync()));
        Assert.Equal([ElectronicExists], await Parity.ProblemMessagesAsync(api));
        var after = await BallotAsync(world, world.JurorA, id);
        Assert.Equal((before.Version, false, "MANAS-PIEZĪMES"), (after.Version, after.IsPaperBallot, after.PrivateNotes));
        Assert.Equal([4, 5], after.Scores.OrderBy(s => s.CriterionId).Select(s => s.Score));
    }

    [Theory, AllProviders]
    public async Task Correcting_a_paper_ballot_never_writes_or_wipes_the_jurors_private_notes(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[1];
        var admin = await world.QueryAsync(db => db.Users.Where(u => u.Email == AwardVote.Infrastructure.Demo.DemoSeeder.AdministratorEmail)
            .Select(u => u.Id).SingleAsync());
        await CastAsync(world, world.JurorB, id, 3, 3, enteredBy: admin, notes: "ADMINISTRATORA-TEKSTS");
        Assert.Null((await BallotAsync(world, world.JurorB, id)).PrivateNotes);
        // The juror's notes stay theirs when the administrator corrects the paper ballot afterwards.
        await world.ExecuteAsync(db => db.ScoreBallots.Where(b => b.JurorUserId == world.JurorB && b.NominationId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.PrivateNotes, "ŽŪRIJAS-PIEZĪMES")));
        await CastAsync(world, world.JurorB, id, 2, 2, enteredBy: admin, notes: null);

        var ballot = await BallotAsync(world, world.JurorB, id);
        Assert.Equal((true, "ŽŪRIJAS-PIEZĪMES"), (ballot.IsPaperBallot, ballot.PrivateNotes));
        Assert.Equal([2, 2], ballot.Scores.Select(s => s.Score));
    }

    private static async Task CastAsync(JudgingWorld world, string juror, int nomination, int first, int second, string? enteredBy, string? notes)
    {
        var cast = await world.App.InScopeAsync(services => services.GetRequiredService<CastScoreBallot>().RunAsync(juror, new CastScoreBallotInput
        {
            NominationId = nomination, PrivateNotes = notes,
            Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = first, [world.CriterionIds[1]] = second },
        }, enteredBy, CancellationToken.None));
        Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
    }

    private static Task<AwardVote.Domain.Judging.ScoreBallot> BallotAsync(JudgingWorld world, string juror, int nomination) =>
        world.QueryAsync(db => db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .SingleAsync(b => b.JurorUserId == juror && b.NominationId == nomination));
}
