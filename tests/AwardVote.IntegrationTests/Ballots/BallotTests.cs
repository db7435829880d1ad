using System.Net;
using System.Net.Http.Json;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Ballots;

[Collection(AppsCollection.Name)]
public sealed class BallotTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task A_juror_scores_a_nomination_and_changes_the_score_while_the_round_is_open(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        using var juror = await world.SignedInAsync(world.JurorAEmail);

        var page = await juror.GetPageAsync($"/Jury/Nomination?id={id}");
        Assert.Contains("Alsungas sasniegumi", page);
        using var first = await juror.Http.PostAsync($"/Jury/Nomination?id={id}", new FormUrlEncodedContent(world.ScoreForm(page, 4, 3, "Labs darbs")));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await juror.GetPageAsync($"/Jury/Nomination?id={id}");
        using var changed = await juror.Http.PostAsync($"/Jury/Nomination?id={id}", new FormUrlEncodedContent(world.ScoreForm(again, 5, 3)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        var ballot = await world.QueryAsync(db => db.ScoreBallots.Include(b => b.Scores).SingleAsync(b => b.NominationId == id && b.JurorUserId == world.JurorA));
        Assert.Equal(5, ballot.Scores.Single(s => s.CriterionId == world.CriterionIds[0]).Score);
        Assert.Equal(2, await world.QueryAsync(db => db.AuditEntries.CountAsync(a => a.Action == "ballot.score-saved" && a.CycleId == world.CycleId)));
        Assert.Contains("Novērtēts (4,20)", await juror.GetPageAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"));
    }

    [Theory, AllProviders]
    public async Task Only_jurors_of_the_panel_vote(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        var (_, outsiderEmail) = await world.UserAsync("Nepiederīgais");
        using var outsider = await world.SignedInAsync(outsiderEmail);

        using var get = await outsider.Http.GetAsync($"/Jury/Nomination?id={id}");
        Assert.StartsWith("/Account/AccessDenied", get.Headers.Location!.PathAndQuery);

        await using var scope = world.App.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(
            (await world.QueryAsync(db => db.Users.Where(u => u.Email == outsiderEmail).Select(u => u.Id).SingleAsync())),
            new CastScoreBallotInput { NominationId = id, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = 5 } }, null, CancellationToken.None);
        Assert.True(result.Is(RefusalKind.Forbidden));
        Assert.Equal(0, await world.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.NominationId == id)));
    }

    [Theory, AllProviders]
    public async Task A_juror_who_declares_a_conflict_cannot_open_or_score_the_nomination(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[1];
        using var jurorBrowser = await world.SignedInAsync(world.JurorAEmail);
        var page = await jurorBrowser.GetPageAsync($"/Jury/Nomination?id={id}");
        using var scored = await jurorBrowser.Http.PostAsync($"/Jury/Nomination?id={id}", new FormUrlEncodedContent(world.ScoreForm(page, 2, 2)));

        using var declared = await jurorBrowser.SubmitFormAsync($"/Jury/Declare?id={id}", new Dictionary<string, string> { ["Input.Reason"] = "Mana māsa tur strādā" });
        Assert.Equal(HttpStatusCode.Redirect, declared.StatusCode);

        var conflictPage = await jurorBrowser.GetPageAsync($"/Jury/Nomination?id={id}");
        Assert.Contains("data-testid=\"conflict-page\"", conflictPage);
        Assert.DoesNotContain("Bauskas sasniegumi", conflictPage);
        Assert.Contains($"data-testid=\"conflict-{id}\"", await jurorBrowser.GetPageAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"));
        // The ballot cast before the declaration is withdrawn, and a new one is refused.
        Assert.Equal(0, await world.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.NominationId == id && b.JurorUserId == world.JurorA)));
        await using var scope = world.App.Scope();
        var result = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(world.JurorA,
            new CastScoreBallotInput { NominationId = id, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = 5, [world.CriterionIds[1]] = 5 } }, null, CancellationToken.None);
        Assert.False(result.Succeeded);
        Assert.True(result.Is(RefusalCode.ConflictedNomination));
        Assert.True(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.NominationId == id && c.Status == ConflictStatus.Confirmed)));
    }

    [Theory, AllProviders]
    public async Task No_ballot_is_cast_or_changed_after_the_round_closes(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        var page = await juror.GetPageAsync($"/Jury/Nomination?id={id}");
        // The closing time passes while the juror is on the form (the phase job has not run yet).
        await world.CloseRoundNowAsync();

        using var late = await juror.Http.PostAsync($"/Jury/Nomination?id={id}", new FormUrlEncodedContent(world.ScoreForm(page, 5, 5)));

        Assert.Contains("Kārta tika slēgta", await late.Content.ReadAsStringAsync());
        Assert.Equal(0, await world.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.NominationId == id)));
    }

    [Theory, AllProviders]
    public async Task Fifty_concurrent_submissions_of_the_same_ballot_leave_one_ballot(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[2];

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(async i =>
        {
            await using var scope = world.App.Scope();
            return await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(world.JurorB,
                new CastScoreBallotInput { NominationId = id, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = 1 + i % 5, [world.CriterionIds[1]] = 3 }, Comment = $"#{i}" }, null, CancellationToken.None);
        }));

        Assert.All(results, r => Assert.True(r.Succeeded, string.Join(", ", r.Refusals)));
        Assert.Equal(1, await world.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.NominationId == id && b.JurorUserId == world.JurorB)));
        var ballotId = await world.QueryAsync(db => db.ScoreBallots.Where(b => b.NominationId == id).Select(b => b.Id).SingleAsync());
        Assert.Equal(2, await world.QueryAsync(db => db.ScoreEntries.CountAsync(s => s.ScoreBallotId == ballotId)));
    }

    [Theory, AllProviders]
    public async Task No_one_sees_another_jurors_scores_before_the_round_closes(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        await using (var scope = world.App.Scope())
        {
            var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(world.JurorB,
                new CastScoreBallotInput { NominationId = id, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = 2, [world.CriterionIds[1]] = 1 }, Comment = "SLEPENS-B-KOMENTARS", PrivateNotes = "B-PIEZIMES" }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }

        using var jurorA = await world.SignedInAsync(world.JurorAEmail);
        foreach (var url in new[] { $"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}", $"/Jury/Nomination?id={id}" })
        {
            var html = await jurorA.GetPageAsync(url);
            Assert.DoesNotContain("SLEPENS-B-KOMENTARS", html);
            Assert.DoesNotContain("B-PIEZIMES", html);
            Assert.Contains("Citu žūrijas locekļu vērtējumi ir paslēpti līdz kārtas beigām", html);
        }

        var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        foreach (var url in new[] { "/Admin", $"/Nominations/Preview?id={id}", $"/Admin/Eligibility?cycleId={world.CycleId}" })
        {
            using var response = await admin.Http.GetAsync(url);
            var html = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("SLEPENS-B-KOMENTARS", html);
        }
        admin.Dispose();
    }

    [Theory, AllProviders]
    public async Task A_ranked_ballot_ranks_the_shortlist_and_refuses_ties_the_statute_does_not_allow(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second, third) = (world.NominationIds[0], world.NominationIds[1], world.NominationIds[2]);
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        var url = $"/Jury/Ranking?cycleId={world.CycleId}&categoryId={world.CategoryId}";

        using var tie = await juror.SubmitFormAsync(url, new Dictionary<string, string> { [$"Ranks[{first}]"] = "1", [$"Ranks[{second}]"] = "1" });
        Assert.Contains("Nolikums neatļauj vienādas vietas", await tie.Content.ReadAsStringAsync());

        using var notShortlisted = await juror.SubmitFormAsync(url, new Dictionary<string, string> { [$"Ranks[{third}]"] = "1" });
        Assert.Contains("Sarindot var tikai īsajā sarakstā", await notShortlisted.Content.ReadAsStringAsync());
        Assert.Equal(0, await world.QueryAsync(db => db.RankedBallots.CountAsync(b => b.CategoryId == world.CategoryId)));

        using var saved = await juror.SubmitFormAsync(url, new Dictionary<string, string> { [$"Ranks[{first}]"] = "2", [$"Ranks[{second}]"] = "1" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var ballot = await world.QueryAsync(db => db.RankedBallots.Include(b => b.Ranks).SingleAsync(b => b.CategoryId == world.CategoryId));
        Assert.Equal(1, ballot.Ranks.Single(r => r.NominationId == second).Rank);
    }

    [Theory, AllProviders]
    public async Task A_juror_scores_through_the_api_and_reads_back_only_their_own_ballots(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        await using (var scope = world.App.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(world.JurorB,
                new CastScoreBallotInput { NominationId = id, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = 1, [world.CriterionIds[1]] = 1 }, Comment = "B-API-SLEPENS" }, null, CancellationToken.None);
        }
        using var client = world.App.CreateClient();
        using var login = await client.PostAsJsonAsync("/api/auth/login", new { email = world.JurorAEmail, password = JudgingWorld.Password });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            (await login.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("accessToken").GetString());

        using var cast = await client.PutAsJsonAsync("/api/ballots/score", new
        {
            nominationId = id,
            scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 4, [world.CriterionIds[1].ToString()] = 5 },
            abstained = false,
        });
        Assert.Equal(HttpStatusCode.NoContent, cast.StatusCode);
        using var outOfScale = await client.PutAsJsonAsync("/api/ballots/score", new
        {
            nominationId = id,
            scores = new Dictionary<string, int> { [world.CriterionIds[0].ToString()] = 9 },
        });
        // A score the scale does not have is input no one could save: 400, with the field it is about.
        Assert.Equal(HttpStatusCode.BadRequest, outOfScale.StatusCode);

        var mine = await client.GetStringAsync($"/api/ballots/mine?cycleId={world.CycleId}");
        Assert.DoesNotContain("B-API-SLEPENS", mine);
        var ballot = await world.QueryAsync(db => db.ScoreBallots.Include(b => b.Scores).SingleAsync(b => b.NominationId == id && b.JurorUserId == world.JurorA));
        Assert.Equal(5, ballot.Scores.Single(s => s.CriterionId == world.CriterionIds[1]).Score);
    }

    [Theory, AllProviders]
    public async Task An_administrator_enters_a_paper_ballot_marked_as_such(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[1];
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var url = $"/Admin/PaperBallots?cycleId={world.CycleId}&categoryId={world.CategoryId}";

        using var entered = await admin.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["JurorId"] = world.JurorB,
            ["NominationId"] = id.ToString(),
            [$"Scores[{world.CriterionIds[0]}]"] = "3",
            [$"Scores[{world.CriterionIds[1]}]"] = "4",
        }, url);

        Assert.Equal(HttpStatusCode.Redirect, entered.StatusCode);
        var ballot = await world.QueryAsync(db => db.ScoreBallots.SingleAsync(b => b.NominationId == id && b.JurorUserId == world.JurorB));
        Assert.True(ballot.IsPaperBallot);
        Assert.NotNull(ballot.EnteredByUserId);
        Assert.True(await world.QueryAsync(db => db.AuditEntries.AnyAsync(a => a.Action == "ballot.paper-score-entered" && a.CycleId == world.CycleId)));
    }

    [Theory, AllProviders]
    public async Task After_close_a_juror_with_a_complete_ballot_sees_the_others_only_where_the_statute_allows(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        foreach (var (juror, first) in new[] { (world.JurorA, 4), (world.JurorB, 2) })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
                new CastScoreBallotInput { NominationId = id, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = first, [world.CriterionIds[1]] = 2 } }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        using var jurorA = await world.SignedInAsync(world.JurorAEmail);
        await world.CloseRoundNowAsync();

        // The default secrecy: hidden even after close.
        Assert.DoesNotContain("others-after-close", await jurorA.GetPageAsync($"/Jury/Nomination?id={id}"));

        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Secrecy, AwardVote.Domain.Cycles.ScoreSecrecy.VisibleToJuryAfterClose)));
        var page = await jurorA.GetPageAsync($"/Jury/Nomination?id={id}");
        Assert.Contains("data-testid=\"others-after-close\"", page);
        Assert.Contains("2,00", page);
    }

    [Theory, AllProviders]
    public async Task A_juror_reads_only_nominations_that_go_to_the_jury(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[2];
        await world.QueryAsync(db => db.Nominations.Where(n => n.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.Eligibility, AwardVote.Domain.Nominations.EligibilityDecision.Ineligible)));
        using var juror = await world.SignedInAsync(world.JurorAEmail);

        foreach (var url in new[] { $"/Nominations/Preview?id={id}", $"/Jury/Nomination?id={id}" })
        {
            using var response = await juror.Http.GetAsync(url);
            Assert.StartsWith("/Account/AccessDenied", response.Headers.Location!.PathAndQuery);
        }
        Assert.DoesNotContain($"row-{id}", await juror.GetPageAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"));
    }

    [Theory, AllProviders]
    public async Task A_conflict_cannot_be_declared_after_the_round_closes_so_the_closed_count_keeps_its_ballots(DatabaseProvider provider)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider));
        var id = world.NominationIds[0];
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        var page = await juror.GetPageAsync($"/Jury/Nomination?id={id}");
        using var scored = await juror.Http.PostAsync($"/Jury/Nomination?id={id}", new FormUrlEncodedContent(world.ScoreForm(page, 4, 4)));
        var form = await juror.GetPageAsync($"/Jury/Declare?id={id}");
        await world.CloseRoundNowAsync();

        using var late = await juror.Http.PostAsync($"/Jury/Declare?id={id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(form),
            ["Input.Reason"] = "Par vēlu",
        }));

        Assert.Contains("Kārta ir slēgta: interešu konfliktu šeit vairs nevar deklarēt", await late.Content.ReadAsStringAsync());
        Assert.Equal(1, await world.QueryAsync(db => db.ScoreBallots.CountAsync(b => b.NominationId == id && b.JurorUserId == world.JurorA)));
        Assert.False(await world.QueryAsync(db => db.Conflicts.AnyAsync(c => c.NominationId == id)));
    }
}
