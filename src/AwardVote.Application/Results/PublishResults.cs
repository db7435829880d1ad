using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Application.Results;

/// <summary>
/// Publishes every category's approved announcement, queues the results mails and moves the cycle from results
/// review to published, in one transaction: an administrator's "publish now", and <see cref="PublishDueJob"/> when the
/// set time comes. Safe to run twice and on two nodes: the cycle's and each publication's version tokens let one run
/// commit, and the other finds the results published and changes nothing.
/// </summary>
public sealed class PublishResults(
    AppDbContext db,
    ResultStandings standings,
    Outbox outbox,
    PublicLinks links,
    MailSoon mail,
    AuditLog audit,
    TimeProvider clock,
    ILogger<PublishResults> logger) : IUseCase
{
    public const string PublishedAction = "cycle.results-published";

    /// <param name="userId">The administrator publishing; null for the job.</param>
    /// <param name="onlyIfDue">The job's: only when every announcement's time has come.</param>
    /// <param name="confirmed">
    /// That the publisher looked through the preview (<see cref="PreviewPublication"/>) and confirmed: "publish now" is
    /// refused without it, whoever calls. The job publishes at a time an administrator set, which was the decision.
    /// </param>
    public async Task<Outcome> RunAsync(int cycleId, string? userId, bool onlyIfDue, bool confirmed, CancellationToken cancellationToken)
    {
        if (!onlyIfDue && !confirmed)
            return Refusal.Invalid("Confirm", RefusalCode.PublicationNotConfirmed);
        db.ChangeTracker.Clear();
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return Announcements.NotFound;
        var views = await standings.LoadAsync(cycle, tracked: true, cancellationToken);
        var now = clock.GetUtcNow();
        var problems = PublicationRules.CheckPublication(cycle.Phase, views.Select(v => v.Standing).ToList());
        if (problems.Count > 0)
            return Outcome.Refused(PublicationRefusals.For(problems, cycle.Categories));
        var pending = views.Select(v => v.Standing.Pending!).ToList();
        if (onlyIfDue && pending.Any(p => p.ScheduledFor is not { } at || at > now))
            return Refusal.Conflict(RefusalCode.PublicationNotDue);
        if (PhasePlan.NextStep(cycle) is not { Phase: CyclePhase.Published } step)
            return Refusal.Conflict(RefusalCode.ResultsNotInReview);

        foreach (var publication in pending)
        {
            publication.PublishedAt = now;
            publication.PublishedByUserId = userId;
            publication.Version = Guid.NewGuid();
            audit.Record("publication.published", "Publication", publication.Id, after: Announcements.Snapshot(publication), cycleId: cycle.Id);
        }
        var queued = await new ResultsMailer(db, outbox, links).QueueAsync(cycle, views, cancellationToken);
        bool moved;
        try
        {
            moved = await CycleTransitions.MoveAsync(db, audit, cycle, step, now,
                userId is null ? "The announcement time came" : "Results published", PublishedAction, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run published first: its mails and publications are the ones kept.
            moved = false;
        }
        if (!moved)
        {
            db.ChangeTracker.Clear();
            logger.LogInformation("Cycle {CycleId} was published by another run; nothing to do", cycleId);
            return Refusal.Conflict(RefusalCode.ResultsAlreadyPublished);
        }
        mail.DeliverSoon();
        logger.LogInformation("Published the results of cycle {CycleId}: {Categories} categories, {Mails} mails queued", cycleId, pending.Count, queued);
        return Outcome.Done;
    }
}
