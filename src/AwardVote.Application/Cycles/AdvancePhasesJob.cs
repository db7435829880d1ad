using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Application.Cycles;

/// <summary>
/// Moves every cycle whose next phase has started, through the same transition as a move by hand
/// (<see cref="CycleTransitions"/>). Safe to run twice or on two nodes at once: the cycle's concurrency token lets
/// only one run write a move, and a second run finds nothing due.
/// </summary>
public sealed class AdvancePhasesJob(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock,
    ILogger<AdvancePhasesJob> logger) : IUseCase
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var candidates = await db.PhaseSteps
            .Where(s => s.StartsAt != null && s.StartsAt <= now)
            .Join(db.Cycles.Where(c => c.Phase != CyclePhase.Archived), s => s.CycleId, c => c.Id, (s, c) => c.Id)
            .Distinct()
            .ToListAsync(cancellationToken);

        var moved = 0;
        foreach (var cycleId in candidates)
        {
            if (await AdvanceAsync(cycleId, now, cancellationToken))
                moved++;
        }
        return moved;
    }

    private async Task<bool> AdvanceAsync(int cycleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cycle = await db.Cycles.Include(c => c.Schedule).SingleAsync(c => c.Id == cycleId, cancellationToken);
        if (PhasePlan.DueStep(cycle, now) is not { } due)
            return false;

        var before = cycle.Phase;
        // The clock may pass several steps at once; the jurors hear of the round it lands in.
        await JudgingOpenedMails.QueueAsync(db, outbox, links, cycle, due, cancellationToken);
        if (!await CycleTransitions.MoveAsync(db, audit, cycle, due, now, $"Deadline {due.StartsAt:O} passed",
                CycleTransitions.AdvancedByClock, cancellationToken))
        {
            logger.LogInformation("Cycle {CycleId} was moved by another run; nothing to do", cycleId);
            return false;
        }
        logger.LogInformation("Cycle {CycleId} moved from {From} to {To} (round {Round})", cycleId, before, cycle.Phase, cycle.RoundNumber);
        mail.DeliverSoon();
        return true;
    }
}
