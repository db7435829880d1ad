using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>
/// An administrator sets (or with null cancels) the time the cycle's approved results go out; <see cref="PublishDueJob"/>
/// publishes them then. Everything must be ready now, so that the job has nothing left to refuse.
/// </summary>
public sealed class SchedulePublication(AppDbContext db, ResultStandings standings, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, DateTimeOffset? at, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return Announcements.NotFound;
        var views = await standings.LoadAsync(cycle, tracked: true, cancellationToken);
        var now = clock.GetUtcNow();
        var problems = PublicationRules.CheckPublication(cycle.Phase, views.Select(v => v.Standing).ToList()).ToList();
        if (at is null)
            // Cancelling needs only the cycle to be still in review.
            problems.RemoveAll(p => p.Kind is not (PublicationProblemKind.NotInResultsReview or PublicationProblemKind.AlreadyPublished));
        var refusals = PublicationRefusals.For(problems, cycle.Categories);
        if (at is { } time)
            refusals.AddRange(PublicationRules.CheckSchedule(time, now).Select(p => PublicationRefusals.Invalid(p, "At", _ => null)));
        if (refusals.Count > 0)
            return Outcome.Refused(refusals);

        var pending = views.Select(v => v.Standing.Pending).OfType<Publication>().ToList();
        // Cancelling what is not scheduled changes nothing, and so records nothing.
        if (at is null && pending.All(p => p.ScheduledFor is null))
            return Outcome.Done;
        var before = pending.Select(p => new { p.Id, p.ScheduledFor }).ToList();
        foreach (var publication in pending)
        {
            publication.ScheduledFor = at?.ToUniversalTime();
            publication.Version = Guid.NewGuid();
        }
        audit.Record(at is null ? "publication.schedule-cancelled" : "publication.scheduled", "Cycle", cycle.Id, before,
            new { ScheduledFor = at?.ToUniversalTime() }, cycleId: cycle.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Announcements.Stale;
        }
        return Outcome.Done;
    }
}
