using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.IntegrationTests.Ballots;

/// <summary>The ballot pages, the paper-ballot page and the API cast through the same use cases: the same refusal, the same words.</summary>
[Collection(AppsCollection.Name)]
public sealed class BallotParityTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_score_outside_the_scale_is_refused_alike(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        var form = await juror.GetPageAsync($"/Jury/Nomination?id={id}");

        using var page = await juror.Http.PostAsync($"/Jury/Nomination?id={id}", new FormUrlEncodedContent(world.ScoreForm(form, 9, 3)));
        using var api = await juror.Http.PutAsJsonAsync("/api/ballots/score", new
        {
            nominationId = id,
            scores = new Dictionary<string, int> { [Key(world.CriterionIds[0])] = 9, [Key(world.CriterionIds[1])] = 3 },
        });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Katram vērtējumam jābūt no attiecīgā kritērija skalas.");
        Assert.Equal("ScoreOutOfScale", await Parity.ProblemCodeAsync(api));
        Assert.Equal(0, await world.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.NominationId == id)));
    }

    [Theory, AllProviders]
    public async Task Equal_ranks_the_statute_does_not_allow_are_refused_alike(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
        using var juror = await world.SignedInAsync(world.JurorAEmail);

        using var page = await juror.SubmitFormAsync($"/Jury/Ranking?cycleId={world.CycleId}&categoryId={world.CategoryId}",
            new Dictionary<string, string> { [$"Ranks[{first}]"] = "1", [$"Ranks[{second}]"] = "1" });
        using var api = await juror.Http.PutAsJsonAsync("/api/ballots/ranked", new
        {
            cycleId = world.CycleId,
            categoryId = world.CategoryId,
            ranks = new Dictionary<string, int> { [Key(first)] = 1, [Key(second)] = 1 },
        });

        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest,
            "Nolikums neatļauj vienādas vietas: piešķiriet katram pieteikumam savu vietu.");
        Assert.Equal(0, await world.QueryAsync(db => db.RankedBallots.CountAsync(b => b.CategoryId == world.CategoryId)));
    }

    [Theory, AllProviders]
    public async Task A_paper_ballot_for_someone_not_on_the_panel_is_refused_alike_and_one_for_a_juror_is_marked(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[1];
        var (outsider, _) = await world.UserAsync("Nav žūrijā");
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var url = $"/Admin/PaperBallots?cycleId={world.CycleId}&categoryId={world.CategoryId}";
        var scores = new Dictionary<string, int> { [Key(world.CriterionIds[0])] = 4, [Key(world.CriterionIds[1])] = 2 };

        using var page = await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["JurorId"] = outsider, ["NominationId"] = Key(id), [$"Scores[{world.CriterionIds[0]}]"] = "4", [$"Scores[{world.CriterionIds[1]}]"] = "2",
        });
        using var api = await admin.Http.PutAsJsonAsync("/api/admin/paper-ballots/score", new { jurorId = outsider, nominationId = id, scores });
        await Parity.AssertSameRefusalAsync(page, api, HttpStatusCode.BadRequest, "Šis žūrijas loceklis nevar vērtēt šo pieteikumu.");

        using (var entered = await admin.Http.PutAsJsonAsync("/api/admin/paper-ballots/score", new { jurorId = world.JurorB, nominationId = id, scores }))
            Assert.Equal(HttpStatusCode.NoContent, entered.StatusCode);
        var ballot = await world.QueryAsync(db => db.ScoreBallots.SingleAsync(b => b.NominationId == id));
        Assert.Equal((world.JurorB, true), (ballot.JurorUserId, ballot.IsPaperBallot));
        Assert.NotNull(ballot.EnteredByUserId);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ballot.paper-score-entered")));
    }

    private static string Key(int id) => id.ToString(CultureInfo.InvariantCulture);
}
