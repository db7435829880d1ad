using System.Net;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AwardVote.IntegrationTests.Faults;

/// <summary>PostgreSQL restarted under a running app: clean refusals while it is down, nothing lost, work again after.</summary>
[Collection(AppsCollection.Name)]
public sealed class DatabaseRestartTests(ITestOutputHelper output)
{
    [Fact]
    public async Task While_PostgreSQL_restarts_requests_fail_cleanly_and_afterwards_work_with_no_ballot_lost()
    {
        await using var server = await PrivatePostgres.StartAsync();
        await using var app = new AwardVoteApp(DatabaseProvider.PostgreSql, postgresServer: server.ConnectionString);
        var world = await JudgingWorld.CreateAsync(app);
        var (before, during) = (world.NominationIds[0], world.NominationIds[1]);
        using var juror = await world.SignedInAsync(world.JurorAEmail);
        var page = await juror.GetPageAsync($"/Jury/Nomination?id={before}");
        using (var cast = await juror.Http.PostAsync($"/Jury/Nomination?id={before}", new FormUrlEncodedContent(world.ScoreForm(page, 4, 3))))
            Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        var duringPage = await juror.GetPageAsync($"/Jury/Nomination?id={during}");

        await server.StopServerAsync();
        try
        {
            await RefusedCleanlyAsync(juror, world, during, duringPage);
        }
        finally
        {
            await server.StartServerAsync();
        }

        // The first requests after the restart may meet pooled connections the restart broke; they too answer 503.
        var attempts = 0;
        HttpStatusCode status;
        do
        {
            attempts++;
            using var retry = await juror.Http.PostAsync($"/Jury/Nomination?id={during}", new FormUrlEncodedContent(world.ScoreForm(duringPage, 5, 5)));
            status = retry.StatusCode;
            Assert.True(status is HttpStatusCode.Redirect or HttpStatusCode.ServiceUnavailable, $"answered {status}");
            if (status != HttpStatusCode.Redirect)
                await Task.Delay(500);
        } while (status != HttpStatusCode.Redirect && attempts < 20);
        output.WriteLine($"the ballot sent again was saved on attempt {attempts} after the restart");
        Assert.Equal(HttpStatusCode.Redirect, status);

        var ballots = await world.QueryAsync(db => db.ScoreBallots.Include(b => b.Scores).Where(b => b.JurorUserId == world.JurorA).ToListAsync());
        Assert.Equal(2, ballots.Count);
        Assert.Equal(4, ballots.Single(b => b.NominationId == before).Scores.Single(s => s.CriterionId == world.CriterionIds[0]).Score);
        Assert.Equal(5, ballots.Single(b => b.NominationId == during).Scores.Single(s => s.CriterionId == world.CriterionIds[0]).Score);
    }

    /// <summary>Pages, forms, the API and the health check: 503 with a reason in Latvian, never a 500.</summary>
    private static async Task RefusedCleanlyAsync(Browserless juror, JudgingWorld world, int during, string duringPage)
    {
        using (var desk = await juror.Http.GetAsync($"/Jury?cycleId={world.CycleId}&categoryId={world.CategoryId}"))
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, desk.StatusCode);
            Assert.Contains("Datubāze uz brīdi nav pieejama", await desk.Content.ReadAsStringAsync());
            Assert.True(desk.Headers.RetryAfter is not null);
        }
        using (var lost = await juror.Http.PostAsync($"/Jury/Nomination?id={during}", new FormUrlEncodedContent(world.ScoreForm(duringPage, 5, 5))))
            Assert.True(lost.StatusCode == HttpStatusCode.ServiceUnavailable, $"{lost.StatusCode}: {await lost.Content.ReadAsStringAsync()}");
        using (var api = await juror.Http.GetAsync($"/api/ballots/mine?cycleId={world.CycleId}"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
        using (var health = await juror.Http.GetAsync("/health"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
    }
}
