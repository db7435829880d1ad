using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Ballots;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

public sealed class DeclareConflictInput
{
    [Required(ErrorMessage = "Say what the conflict is.")]
    [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "What is the conflict?")]
    public string? Reason { get; set; }
}

/// <summary>
/// A juror declares a conflict of interest with a nomination of their panel. The juror's own word needs no
/// confirmation: it takes effect at once, and any ballot the juror had cast on it is withdrawn, audited in the same
/// save. Only while the round takes ballots: afterwards it would change a closed count, so the chair is told instead.
/// </summary>
public sealed class DeclareConflict(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<ConflictOfInterest>> RunAsync(string jurorUserId, int nominationId, DeclareConflictInput input,
        CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken);
        if (nomination is null)
            return Refusal.NotFound;
        if (!JudgingRules.IsJudged(nomination) || !await JuryMembership.IsJurorAsync(db, jurorUserId, nomination.CycleId, nomination.CategoryId, cancellationToken))
            return Refusal.Forbidden;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<ConflictOfInterest>.Refused(invalid);
        var cycle = await JudgingRound.LoadCycleAsync(db, nomination.CycleId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!JudgingRules.AcceptsBallots(cycle, cycle.RoundNumber, now))
            return Refusal.Conflict(RefusalCode.RoundClosedForDeclaration);
        if (await db.Conflicts.AnyAsync(c => c.JurorUserId == jurorUserId && c.NominationId == nominationId && c.Source == ConflictSource.DeclaredByJuror,
                cancellationToken))
            return Refusal.Conflict(RefusalCode.ConflictAlreadyDeclared);

        var conflict = new ConflictOfInterest
        {
            CycleId = nomination.CycleId,
            NominationId = nominationId,
            JurorUserId = jurorUserId,
            Source = ConflictSource.DeclaredByJuror,
            Reason = input.Reason!.Trim(),
            Status = ConflictStatus.Confirmed,
            RaisedAt = now,
            DecidedAt = now,
            DecidedByUserId = jurorUserId,
        };
        db.Conflicts.Add(conflict);
        audit.Record("conflict.declared", "Nomination", nominationId, after: new { conflict.JurorUserId, conflict.Reason }, reason: conflict.Reason,
            cycleId: nomination.CycleId);
        // A conflicted juror is left out of the nomination's count: their ballot goes.
        var ballots = await db.ScoreBallots.Where(b => b.NominationId == nominationId && b.JurorUserId == jurorUserId).ToListAsync(cancellationToken);
        foreach (var ballot in ballots)
            audit.Record("ballot.withdrawn-for-conflict", "ScoreBallot", $"{ballot.RoundId}:{nominationId}:{jurorUserId}", reason: conflict.Reason,
                cycleId: nomination.CycleId);
        db.ScoreBallots.RemoveRange(ballots);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Declared at the same moment in another tab: the unique key (juror, nomination, source) kept the first.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.ConflictAlreadyDeclared);
        }
        return conflict;
    }
}
