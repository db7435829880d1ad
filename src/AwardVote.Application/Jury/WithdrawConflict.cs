using AwardVote.Application.Ballots;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// A juror takes back their own declaration of a conflict (declared by mistake) while the round still takes ballots:
/// the juror may judge the nomination again. The ballot withdrawn when they declared does not come back. A conflict
/// the system proposed and the chair confirmed is not the juror's to withdraw. The declaration's removal and its
/// audit entry (with what was declared) are one save.
/// </summary>
public sealed class WithdrawConflict(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome> RunAsync(string jurorUserId, int nominationId, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken);
        if (nomination is null)
            return Refusal.NotFound;
        if (!JudgingRules.IsJudged(nomination) || !await JuryMembership.IsJurorAsync(db, jurorUserId, nomination.CycleId, nomination.CategoryId, cancellationToken))
            return Refusal.Forbidden;
        var declared = await db.Conflicts.SingleOrDefaultAsync(c =>
            c.JurorUserId == jurorUserId && c.NominationId == nominationId && c.Source == ConflictSource.DeclaredByJuror, cancellationToken);
        if (declared is null)
            return Refusal.Conflict(RefusalCode.NoDeclaredConflict);
        var cycle = await JudgingRound.LoadCycleAsync(db, nomination.CycleId, cancellationToken);
        if (!JudgingRules.AcceptsBallots(cycle, cycle.RoundNumber, clock.GetUtcNow()))
            return Refusal.Conflict(RefusalCode.RoundClosedForWithdrawal);

        db.Conflicts.Remove(declared);
        audit.Record("conflict.withdrawn", "Nomination", nominationId,
            before: new { declared.JurorUserId, declared.Reason, declared.Status, declared.RaisedAt }, cycleId: nomination.CycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Withdrawn at the same moment in another tab.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.NoDeclaredConflict);
        }
        return Outcome.Done;
    }
}
