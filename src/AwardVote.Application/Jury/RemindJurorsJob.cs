using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Application.Jury;

/// <summary>
/// On each reminder day of the statute ("7,1" days before the round closes), mails every juror with unfinished
/// ballots one digest. Safe to run hourly, twice or on two nodes: the outbox key (cycle, round, reminder day, juror)
/// is unique, so a reminder already queued is neither queued nor sent again.
/// </summary>
public sealed class RemindJurorsJob(AppDbContext db, JurorReminders reminders, TimeProvider clock, ILogger<RemindJurorsJob> logger)
{
    /// <summary>Registers the job to run hourly (a reminder is due for a whole day, and the outbox key sends each one once).</summary>
    public static void Register(IRecurringJobManager jobs) =>
        jobs.AddOrUpdate<RemindJurorsJob>(RecurringJobs.RemindJurors, job => job.RunAsync(CancellationToken.None), Cron.Hourly(),
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cycles = await db.Cycles.AsNoTracking().Include(c => c.Schedule)
            .Where(c => c.Phase == CyclePhase.Judging)
            .ToListAsync(cancellationToken);
        var queued = 0;
        foreach (var cycle in cycles)
        {
            var round = Math.Max(1, cycle.RoundNumber);
            if (JudgingRules.RoundClosesAt(cycle, round) is not { } closesAt
                || ProgressRules.DueReminder(cycle.ReminderDaysBeforeClose, closesAt, now) is not { } daysBefore)
                continue;
            foreach (var juror in await reminders.LateJurorsAsync(cycle.Id, null, now, cancellationToken))
            {
                if (!await reminders.QueueAsync(cycle, juror, $"{cycle.Id}:{round}:{daysBefore}:{juror.UserId}", cancellationToken))
                    continue;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    queued++;
                }
                catch (DbUpdateException)
                {
                    // Another run queued the same reminder between our check and our save: the unique key kept it one.
                    db.ChangeTracker.Clear();
                }
            }
        }
        if (queued > 0)
            logger.LogInformation("Queued {Count} juror reminders", queued);
        return queued;
    }
}
