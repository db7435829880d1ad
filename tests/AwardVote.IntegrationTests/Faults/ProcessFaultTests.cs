using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Application;
using AwardVote.Application.Ballots;
using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Ballots;
using AwardVote.IntegrationTests.Support;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace AwardVote.IntegrationTests.Faults;

/// <summary>
/// AwardVote processes killed and run side by side on one PostgreSQL database: what a crash or a second node does to
/// counting, mail and sign-in. The app runs as real processes; the test reaches their jobs through the shared
/// Hangfire storage. See docs/reliability.md.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed partial class ProcessFaultTests(ITestOutputHelper output)
{
    [Fact]
    public async Task A_process_killed_while_mailing_sends_every_message_and_at_most_the_one_in_flight_twice()
    {
        await using var app = new AwardVoteApp(DatabaseProvider.PostgreSql);
        var tag = Guid.NewGuid().ToString("N")[..10];
        const int total = 1500;
        await QueueAsync(app, tag, total);
        var settings = Settings(app);

        int sentAtKill;
        await using (var first = await AppProcess.StartAsync(settings))
        {
            Trigger(app, RecurringJobs.DeliverOutbox);
            sentAtKill = await WaitForSentAsync(app, tag, atLeast: 100, TimeSpan.FromSeconds(60));
            first.Kill();
        }
        sentAtKill = await SentAsync(app, tag);
        Assert.True(sentAtKill < total, $"All {total} mails were sent before the kill: the test did not kill mid-delivery.");

        await using (var second = await AppProcess.StartAsync(settings))
        {
            var deadline = DateTime.UtcNow.AddSeconds(120);
            while (await SentAsync(app, tag) < total && DateTime.UtcNow < deadline)
            {
                Trigger(app, RecurringJobs.DeliverOutbox);
                await Task.Delay(1000);
            }
        }

        Assert.Equal(total, await SentAsync(app, tag));
        var received = ReceivedPerRecipient(tag);
        Assert.Equal(total, received.Count);
        var duplicates = received.Values.Count(n => n > 1);
        output.WriteLine($"killed after {sentAtKill} of {total} sent; received {received.Values.Sum()} mails for {total} recipients; {duplicates} duplicate(s)");
        // The documented window: the one message sent but not yet marked "sent" when the process died.
        Assert.True(duplicates <= 1, $"{duplicates} recipients got a mail twice");
    }

    [Fact]
    public async Task A_process_killed_while_counting_leaves_one_result_once_restarted()
    {
        await using var app = new AwardVoteApp(DatabaseProvider.PostgreSql);
        var settings = Settings(app);
        foreach (var killAfter in new[] { 0, 150, 600 })
        {
            var world = await JudgingWorld.CreateAsync(app);
            await ScoreAllAsync(world);
            await world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Phase, CyclePhase.Counting).SetProperty(c => c.RoundNumber, 1)));

            await using (var first = await AppProcess.StartAsync(settings))
            {
                Trigger(app, RecurringJobs.CountRounds);
                await Task.Delay(killAfter);
                first.Kill();
            }
            await using (var second = await AppProcess.StartAsync(settings))
            {
                var deadline = DateTime.UtcNow.AddSeconds(60);
                while (await PhaseAsync(world) != CyclePhase.ResultsReview && DateTime.UtcNow < deadline)
                {
                    Trigger(app, RecurringJobs.CountRounds);
                    await Task.Delay(1000);
                }
            }

            Assert.Equal(CyclePhase.ResultsReview, await PhaseAsync(world));
            var results = await world.QueryAsync(db => db.RoundResults.Where(r => r.RoundId == world.RoundId).ToListAsync());
            var result = Assert.Single(results);
            Assert.Equal(RoundOutcome.Decided, result.Outcome);
            Assert.Equal(1, await world.QueryAsync(db => db.AuditEntries.CountAsync(e => e.Action == "round.counted" && e.CycleId == world.CycleId)));
            output.WriteLine($"killed {killAfter} ms after the trigger: one result, hash {result.BallotFileSha256[..12]}");
        }
    }

    [Fact]
    public async Task Two_processes_behind_round_robin_share_sign_in_forms_and_jobs()
    {
        await using var app = new AwardVoteApp(DatabaseProvider.PostgreSql);
        var world = await JudgingWorld.CreateAsync(app);
        var settings = Settings(app);
        await using var a = await AppProcess.StartAsync(settings);
        await using var b = await AppProcess.StartAsync(settings);
        using var nodes = new RoundRobin(a.Address, b.Address);

        // Sign in: the form from one node, the post to the other (no sticky sessions).
        var login = await nodes.GetStringAsync("/Account/Login");
        using (var signIn = await nodes.PostFormAsync("/Account/Login", new Dictionary<string, string>
               {
                   ["__RequestVerificationToken"] = Browserless.AntiforgeryToken(login), ["Input.Email"] = world.JurorAEmail, ["Input.Password"] = JudgingWorld.Password,
               }))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        // Each ballot page read from one node and posted to the other.
        foreach (var id in world.NominationIds)
        {
            var page = await nodes.GetStringAsync($"/Jury/Nomination?id={id}");
            using var cast = await nodes.PostFormAsync($"/Jury/Nomination?id={id}", world.ScoreForm(page, 4, 3));
            Assert.Equal(HttpStatusCode.Redirect, cast.StatusCode);
        }
        Assert.Equal(world.NominationIds.Length, await world.QueryAsync(db => db.ScoreBallots.CountAsync(x => x.JurorUserId == world.JurorA)));
        Assert.True(nodes.Served.All(n => n > 2), "both nodes served requests");

        // Both nodes run Hangfire on the shared storage; mail triggered on both is sent once.
        var tag = Guid.NewGuid().ToString("N")[..10];
        await QueueAsync(app, tag, 300);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (await SentAsync(app, tag) < 300 && DateTime.UtcNow < deadline)
        {
            Trigger(app, RecurringJobs.DeliverOutbox);
            Trigger(app, RecurringJobs.DeliverOutbox);
            await Task.Delay(500);
        }
        Assert.Equal(300, await SentAsync(app, tag));
        var servers = Storage(app).GetMonitoringApi().Servers();
        Assert.True(servers.Count >= 2, $"{servers.Count} Hangfire server(s)");
        Assert.All(ReceivedPerRecipient(tag).Values, n => Assert.Equal(1, n));
    }

    private static Dictionary<string, string> Settings(AwardVoteApp app)
    {
        _ = app.Services; // started: migrated and seeded by the in-process host
        var settings = app.ProcessSettings();
        settings["Mail__BatchSize"] = "5000";
        // A killed sender's claim ends soon, so the restarted node takes the message over within the test.
        settings["Mail__ClaimLeaseSeconds"] = "5";
        return settings;
    }

    private static JobStorage Storage(AwardVoteApp app) => app.Services.GetRequiredService<JobStorage>();

    private static void Trigger(AwardVoteApp app, string job) => new RecurringJobManager(Storage(app)).Trigger(job);

    private static async Task QueueAsync(AwardVoteApp app, string tag, int count)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UtcNow;
        db.Outbox.AddRange(Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            DeduplicationKey = $"fault:{tag}:{i}", Purpose = "fault-test", ToEmail = $"fault-{tag}-{i}@faults.example", Culture = "lv",
            Subject = $"Pārbaude {i}", TextBody = "Kļūmju pārbaude.", CreatedAt = now, NextAttemptAt = now,
        }));
        await db.SaveChangesAsync();
    }

    private static async Task<int> SentAsync(AwardVoteApp app, string tag)
    {
        await using var scope = app.Scope();
        var prefix = $"fault:{tag}:";
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Outbox
            .CountAsync(m => m.DeduplicationKey.StartsWith(prefix) && m.Status == OutboxStatus.Sent);
    }

    private static async Task<int> WaitForSentAsync(AwardVoteApp app, string tag, int atLeast, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        int sent;
        while ((sent = await SentAsync(app, tag)) < atLeast && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return sent;
    }

    /// <summary>How many mails each of this test's recipients received, read from the SMTP receiver's files.</summary>
    private static Dictionary<string, int> ReceivedPerRecipient(string tag)
    {
        var pattern = new Regex($@"^To: .*?(fault-{tag}-\d+@faults\.example)", RegexOptions.Multiline);
        return Directory.EnumerateFiles(Path.Combine(TestEnvironment.Maildir, "new"))
            .Concat(Directory.EnumerateFiles(Path.Combine(TestEnvironment.Maildir, "cur")))
            .Select(path => pattern.Match(File.ReadAllText(path)))
            .Where(m => m.Success)
            .GroupBy(m => m.Groups[1].Value)
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private static async Task ScoreAllAsync(JudgingWorld world)
    {
        var score = 1;
        foreach (var juror in new[] { world.JurorA, world.JurorB })
        foreach (var nomination in world.NominationIds)
        {
            await using var scope = world.App.Scope();
            var cast = await scope.ServiceProvider.GetRequiredService<CastScoreBallot>().RunAsync(juror,
                new CastScoreBallotInput { NominationId = nomination, Scores = new Dictionary<int, int?> { [world.CriterionIds[0]] = score % 5 + 1, [world.CriterionIds[1]] = 3 } }, null, CancellationToken.None);
            Assert.True(cast.Succeeded, string.Join(", ", cast.Refusals));
            score += nomination;
        }
    }

    private static Task<CyclePhase> PhaseAsync(JudgingWorld world) =>
        world.QueryAsync(db => db.Cycles.Where(c => c.Id == world.CycleId).Select(c => c.Phase).SingleAsync());
}
