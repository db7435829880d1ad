using System.Net.Http.Json;
using System.Net;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Application.Ties;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Demo;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Counting;

/// <summary>A ranked final two jurors split exactly, with a statute that sends such a tie to a repeat ballot.</summary>
[Collection(AppsCollection.Name)]
public sealed class RepeatBallotTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task The_administrator_opens_a_repeat_ballot_among_the_tied_the_jurors_are_told_and_its_count_decides(DatabaseProvider provider)
    {
        var (world, tied) = await TiedFinalAsync(provider, TieBreakRule.RepeatBallot);

        // Not a juror's decision, and not a close in the past.
        using (var juror = await world.SignedInAsync(world.JurorAEmail))
        using (var denied = await juror.Http.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/repeat-ballot", new { closesAt = DateTimeOffset.UtcNow.AddDays(3) }))
            Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        using var admin = new Browserless(world.App);
        await admin.SignInAsync(DemoSeeder.AdministratorEmail, DemoSeeder.Password);
        var page = await admin.GetPageAsync($"/Admin/Results?cycleId={world.CycleId}");
        Assert.Contains("data-testid=\"repeat-ballot\"", page);
        using (var past = await admin.SubmitFormAsync($"/Admin/Results?cycleId={world.CycleId}", new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page), ["CycleId"] = world.CycleId.ToString(), ["RepeatClosesAt"] = "2020-01-01T10:00",
               }, $"/Admin/Results?cycleId={world.CycleId}&handler=RepeatBallot"))
            Assert.Contains("ne ātrāk kā pēc stundas", await past.Content.ReadAsStringAsync());
        Assert.Equal(2, await RoundsAsync(world));

        var closes = DateTimeOffset.UtcNow.AddDays(3);
        using (var opened = await admin.SubmitFormAsync($"/Admin/Results?cycleId={world.CycleId}", new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(page), ["CycleId"] = world.CycleId.ToString(),
                   ["RepeatClosesAt"] = TimeZoneInfo.ConvertTime(closes, TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga")).ToString("yyyy-MM-ddTHH:mm"),
               }, $"/Admin/Results?cycleId={world.CycleId}&handler=RepeatBallot"))
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);

        var cycle = await world.QueryAsync(db => db.Cycles.Include(c => c.Rounds).SingleAsync(c => c.Id == world.CycleId));
        Assert.Equal((CyclePhase.Judging, 3), (cycle.Phase, cycle.RoundNumber));
        var repeat = cycle.Rounds.Single(r => r.Number == 3);
        var final = cycle.Rounds.Single(r => r.Number == 2);
        Assert.Equal(final.Id, repeat.RepeatOfRoundId);
        Assert.Equal(2, await world.QueryAsync(db => db.Shortlist.CountAsync(s => s.RoundId == final.Id)));
        Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "round.repeat-ballot-opened" && e.CycleId == world.CycleId)));
        // Opening it again changes nothing.
        using (var again = await admin.Http.PostAsJsonAsync($"/api/admin/cycles/{world.CycleId}/repeat-ballot", new { closesAt = closes }))
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(3, await RoundsAsync(world));

        // Each juror of the panel is told, once, through the outbox and the SMTP server.
        await using (var scope = world.App.Scope())
        {
            await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
            await scope.ServiceProvider.GetRequiredService<DeliverOutboxJob>().RunAsync(CancellationToken.None);
        }
        var mails = await Mailbox.WaitForAsync(world.JurorAEmail);
        var mail = Assert.Single(mails, m => (m.Subject ?? "").StartsWith("Atkārtota balsošana", StringComparison.Ordinal));
        Assert.Contains(tied[0], mail.TextBody ?? "");

        // Both jurors now prefer the second: the repeat ballot decides.
        var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
        foreach (var juror in new[] { world.JurorA, world.JurorB })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror,
                new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = new Dictionary<int, int?> { [second] = 1, [first] = 2 } }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting)));
        await CountAsync(world);

        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == repeat.Id));
        Assert.Equal(RoundOutcome.Decided, result.Outcome);
        Assert.Equal("Bauskas bibliotēka", TieRules.Winner(CountProtocol.FromJson(result.ProtocolJson), null));
        var reviewed = await world.QueryAsync(db => db.Cycles.SingleAsync(c => c.Id == world.CycleId));
        Assert.Equal((CyclePhase.ResultsReview, 3), (reviewed.Phase, reviewed.RoundNumber));
    }

    [Theory, AllProviders]
    public async Task No_repeat_ballot_where_the_statute_gives_the_tie_to_the_chair_or_outside_review(DatabaseProvider provider)
    {
        var (world, _) = await TiedFinalAsync(provider, TieBreakRule.ChairCastingVote);
        Assert.True((await OpenAsync(world)).Is(RefusalCode.NoRepeatBallotNeeded));
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Published)));
        Assert.True((await OpenAsync(world)).Is(RefusalCode.RepeatBallotNotInReview));
        Assert.Equal(2, await RoundsAsync(world));
    }

    [Theory, AllProviders]
    public async Task Two_administrators_opening_it_at_once_open_one(DatabaseProvider provider)
    {
        var (world, _) = await TiedFinalAsync(provider, TieBreakRule.RepeatBallot);
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => OpenAsync(world)));
        Assert.Equal(1, outcomes.Count(o => o.Succeeded));
        Assert.Equal(3, await RoundsAsync(world));
    }

    private static async Task<Outcome> OpenAsync(JudgingWorld world)
    {
        await using var scope = world.App.Scope();
        return await scope.ServiceProvider.GetRequiredService<OpenRepeatBallot>().RunAsync(world.CycleId, DateTimeOffset.UtcNow.AddDays(2), CancellationToken.None);
    }

    private static Task<int> RoundsAsync(JudgingWorld world) => world.QueryAsync(db => db.Rounds.CountAsync(r => r.CycleId == world.CycleId));

    private static async Task CountAsync(JudgingWorld world)
    {
        await using var scope = world.App.Scope();
        await scope.ServiceProvider.GetRequiredService<CountRoundJob>().RunAsync(CancellationToken.None);
    }

    private async Task<(JudgingWorld World, string[] Tied)> TiedFinalAsync(DatabaseProvider provider, TieBreakRule rule)
    {
        var world = await JudgingWorld.CreateAsync(apps.Get(provider), ranked: true);
        var (first, second) = (world.NominationIds[0], world.NominationIds[1]);
        foreach (var (juror, ranks) in new[]
                 {
                     (world.JurorA, new Dictionary<int, int?> { [first] = 1, [second] = 2 }),
                     (world.JurorB, new Dictionary<int, int?> { [second] = 1, [first] = 2 }),
                 })
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastRanking>().RunAsync(juror, new CastRankingInput { CycleId = world.CycleId, CategoryId = world.CategoryId, Ranks = ranks }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
        }
        await world.QueryAsync(async db =>
        {
            await db.TieBreakSteps.Where(t => t.CycleId == world.CycleId).ExecuteDeleteAsync();
            db.TieBreakSteps.Add(new TieBreakStep { CycleId = world.CycleId, Order = 1, Rule = rule });
            return await db.SaveChangesAsync();
        });
        await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting).SetProperty(c => c.RoundNumber, 2)));
        await CountAsync(world);
        Assert.Equal(CyclePhase.ResultsReview, await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).Select(c => c.Phase).SingleAsync()));
        var roundTwo = await world.QueryAsync(db => db.Rounds.Where(r => r.CycleId == world.CycleId && r.Number == 2).Select(r => r.Id).SingleAsync());
        var result = await world.QueryAsync(db => db.RoundResults.SingleAsync(r => r.RoundId == roundTwo));
        return (world, TieRules.TiedForFirst(CountProtocol.FromJson(result.ProtocolJson)).ToArray());
    }
}
