using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Infrastructure.Jobs;

/// <summary>
/// Moves every cycle whose next phase has started. Safe to run twice or on two nodes at once: the cycle's
/// concurrency token lets only one run write a move, and a second run finds nothing due.
/// </summary>
public sealed class AdvancePhasesJob(AppDbContext db, AuditLog audit, TimeProvider clock, ILogger<AdvancePhasesJob> logger)
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

        var before = new { cycle.Phase, cycle.RoundNumber };
        var closesNominations = cycle.Phase <= CyclePhase.NominationsOpen && due.Phase > CyclePhase.NominationsOpen;
        PhasePlan.MoveTo(cycle, due, now);
        audit.Record("cycle.phase-advanced", "Cycle", cycle.Id, before, new { cycle.Phase, cycle.RoundNumber },
            reason: $"Deadline {due.StartsAt:O} passed", cycleId: cycle.Id);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Cycle {CycleId} was moved by another run; nothing to do", cycleId);
            return false;
        }
        if (closesNominations)
        {
            // Nominations close: from now on nothing of them changes.
            await db.Nominations
                .Where(n => n.CycleId == cycle.Id && n.FrozenAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.FrozenAt, now), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Cycle {CycleId} moved from {From} to {To} (round {Round})", cycleId, before.Phase, cycle.Phase, cycle.RoundNumber);
        return true;
    }
}
