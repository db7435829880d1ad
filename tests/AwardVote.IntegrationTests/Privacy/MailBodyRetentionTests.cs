using AwardVote.Application;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.IntegrationTests.Support;
using Hangfire;
using Hangfire.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AwardVote.IntegrationTests.Privacy;

/// <summary>
/// The outbox's retention (PurgeMailBodiesJob, Mail:FailedRetentionDays): every message that is no longer waiting —
/// sent or failed — loses its body after the period, one still waiting keeps it, and a second run finds nothing.
/// </summary>
[Collection(AppsCollection.Name)]
public sealed class MailBodyRetentionTests(Apps apps)
{
    [Theory, AllProviders]
    public async Task Mail_bodies_go_after_the_period_for_every_status_but_waiting_and_a_second_run_finds_nothing(DatabaseProvider provider)
    {
        var app = apps.Get(provider);
        var days = new MailOptions().FailedRetentionDays;
        var now = DateTimeOffset.UtcNow;
        var secret = Unique.Id();
        OutboxMessage Message(OutboxStatus status, int daysAgo) => new()
        {
            DeduplicationKey = Unique.Id(), Purpose = "password-reset", ToEmail = Unique.Email("pasts", "biblioteka.example"), Culture = "lv",
            Subject = "Paroles maiņa", TextBody = $"Kods: {secret}", HtmlBody = $"<p>Kods: {secret}</p>", Status = status,
            CreatedAt = now.AddDays(-daysAgo), NextAttemptAt = now.AddYears(50), SentAt = status == OutboxStatus.Sent ? now.AddDays(-daysAgo) : null,
        };
        var failedOld = Message(OutboxStatus.Failed, days + 1);
        var failedYoung = Message(OutboxStatus.Failed, days - 1);
        // Sent before bodies were removed on sending: the purge is the safety net.
        var sentOld = Message(OutboxStatus.Sent, days + 1);
        var waiting = Message(OutboxStatus.Pending, days + 30);
        var messages = new[] { failedOld, failedYoung, sentOld, waiting };
        await app.ExecuteAsync(async db =>
        {
            db.Outbox.AddRange(messages);
            await db.SaveChangesAsync();
        });
        try
        {
            Assert.True(await PurgeAsync(app, now) >= 2);
            var after = await app.QueryAsync(db => db.Outbox.AsNoTracking().Where(m => m.TextBody.Contains(secret) || m.Id == failedOld.Id || m.Id == sentOld.Id)
                .ToDictionaryAsync(m => m.Id));
            foreach (var gone in new[] { failedOld, sentOld })
                Assert.Equal((OutboxMessage.Removed, (string?)null), (after[gone.Id].TextBody, after[gone.Id].HtmlBody));
            Assert.Contains(secret, after[failedYoung.Id].TextBody);
            Assert.Contains(secret, after[waiting.Id].TextBody);
            // What the delivery report needs stays.
            Assert.Equal(sentOld.ToEmail, after[sentOld.Id].ToEmail);

            Assert.Equal(0, await PurgeAsync(app, now));
            Assert.Equal(2, await app.QueryAsync(db => db.Outbox.CountAsync(m => m.TextBody.Contains(secret))));
        }
        finally
        {
            // Nothing of this test is left waiting for another test's delivery run.
            await app.ExecuteAsync(db => db.Outbox.Where(m => m.Id == waiting.Id).ExecuteDeleteAsync());
        }
    }

    [Fact]
    public void The_retention_jobs_are_registered_to_run_daily()
    {
        var jobs = new RecordingJobs();
        RecurringJobs.Register(jobs);
        foreach (var (id, type) in new[]
                 {
                     (RecurringJobs.PurgeMailBodies, typeof(PurgeMailBodiesJob)),
                     (RecurringJobs.HashVoterAddresses, typeof(Application.Privacy.HashVoterAddressesJob)),
                     (RecurringJobs.DeleteUnconfirmedAccounts, typeof(Application.Privacy.DeleteUnconfirmedAccountsJob)),
                     (RecurringJobs.DeleteExpiredInvitations, typeof(Application.Privacy.DeleteExpiredInvitationsJob)),
                 })
        {
            var (job, cron) = jobs.Registered[id];
            Assert.Equal(type, job.Type);
            Assert.Matches(@"^\d+ \d+ \* \* \*$", cron);
        }
    }

    private static async Task<int> PurgeAsync(AwardVoteApp app, DateTimeOffset at)
    {
        await using var scope = app.Scope();
        return await ActivatorUtilities.CreateInstance<PurgeMailBodiesJob>(scope.ServiceProvider, new FakeTimeProvider(at)).RunAsync(CancellationToken.None);
    }

    private sealed class RecordingJobs : IRecurringJobManager
    {
        public Dictionary<string, (Job Job, string Cron)> Registered { get; } = [];

        public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options) =>
            Registered[recurringJobId] = (job, cronExpression);

        public void Trigger(string recurringJobId) => throw new NotSupportedException();

        public void RemoveIfExists(string recurringJobId) => throw new NotSupportedException();
    }
}
