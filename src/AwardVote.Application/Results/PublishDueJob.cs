using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>
/// Publishes the results whose announcement time has come (set with <see cref="SchedulePublication"/>). Safe to run
/// twice or on two nodes at once: <see cref="PublishResults"/> moves the cycle under its version token, so one run
/// publishes and mails, and the other finds the cycle published and does nothing.
/// </summary>
public sealed class PublishDueJob(AppDbContext db, PublishResults publish, TimeProvider clock) : IUseCase
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.Publications
            .Where(p => p.PublishedAt == null && p.ScheduledFor != null && p.ScheduledFor <= now)
            .Join(db.Cycles.Where(c => c.Phase == CyclePhase.ResultsReview), p => p.CycleId, c => c.Id, (p, c) => c.Id)
            .Distinct()
            .ToListAsync(cancellationToken);
        var published = 0;
        foreach (var cycleId in due)
        {
            if ((await publish.RunAsync(cycleId, null, onlyIfDue: true, confirmed: true, cancellationToken)).Succeeded)
                published++;
        }
        return published;
    }
}
