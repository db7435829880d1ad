using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

/// <summary>
/// The one way a cycle changes phase, for the clock (<see cref="AdvancePhasesJob"/>), an administrator
/// (<see cref="MovePhase"/>), counting and publication alike: the move, its audit entry and, when nominations close,
/// the freezing of every nomination commit together.
/// </summary>
public static class CycleTransitions
{
    public const string AdvancedByClock = "cycle.phase-advanced";
    public const string MovedByHand = "cycle.phase-moved";

    /// <summary>
    /// Moves a tracked <paramref name="cycle"/> to <paramref name="step"/>. False when someone else changed the
    /// cycle first (its version token): nothing is saved then.
    /// </summary>
    public static async Task<bool> MoveAsync(AppDbContext db, AuditLog audit, AwardCycle cycle, PhaseStep step,
        DateTimeOffset now, string reason, string action, CancellationToken cancellationToken)
    {
        var before = new { cycle.Phase, cycle.RoundNumber };
        var closesNominations = cycle.Phase <= CyclePhase.NominationsOpen && step.Phase > CyclePhase.NominationsOpen;
        PhasePlan.MoveTo(cycle, step, now);
        audit.Record(action, "Cycle", cycle.Id, before, new { cycle.Phase, cycle.RoundNumber }, reason, cycle.Id);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
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
        return true;
    }
}
