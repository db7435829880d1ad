using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Ballots;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

public sealed class ReopenConflictInput
{
    [Required(ErrorMessage = "Give the reason for reopening the decision.")]
    [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }
}

/// <summary>
/// The chair (or an administrator) takes back a decision on a conflict (new facts, a decision made in error): the
/// conflict is proposed again, and until it is decided anew the juror cannot vote on the nomination. A juror's own
/// declaration is theirs to withdraw, not the chair's to reopen, and nobody reopens a conflict about themself.
/// Audited with before and after and the juror mailed, in one save; only while the round takes ballots.
/// </summary>
public sealed class ReopenConflict(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, int categoryId, int conflictId, ReopenConflictInput input, string reopenedByUserId,
        CancellationToken cancellationToken)
    {
        var conflict = await db.Conflicts
            .Join(db.Nominations, c => c.NominationId, n => n.Id, (c, n) => new { c, n.CategoryId })
            .Where(x => x.c.Id == conflictId && x.c.CycleId == cycleId && x.CategoryId == categoryId)
            .Select(x => x.c)
            .SingleOrDefaultAsync(cancellationToken);
        if (conflict is null)
            return Refusal.NotFound;
        if (conflict.JurorUserId == reopenedByUserId)
            return Refusal.Conflict(RefusalCode.OwnConflict);
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (conflict.Status == ConflictStatus.Proposed || conflict.Source == ConflictSource.DeclaredByJuror)
            return Refusal.Conflict(RefusalCode.ConflictNotDecided);
        var cycle = await JudgingRound.LoadCycleAsync(db, cycleId, cancellationToken);
        if (!JudgingRules.AcceptsBallots(cycle, cycle.RoundNumber, clock.GetUtcNow()))
            return Refusal.Conflict(RefusalCode.RoundClosed);

        var before = new { conflict.Status, conflict.DecisionReason, conflict.DecidedByUserId, conflict.DecidedAt };
        var reason = input.Reason!.Trim();
        conflict.Status = ConflictStatus.Proposed;
        conflict.DecisionReason = null;
        conflict.DecidedByUserId = null;
        conflict.DecidedAt = null;
        audit.Record("conflict.reopened", nameof(ConflictOfInterest), conflict.Id, before,
            new { conflict.Status, conflict.JurorUserId, conflict.NominationId, conflict.Source, ReopenedBy = reopenedByUserId }, reason, cycleId);
        await ConflictMail.QueueAsync(db, outbox, links, conflict, reopened: true, reason,
            $"{conflict.Id}:{clock.GetUtcNow().ToUnixTimeMilliseconds()}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return Outcome.Done;
    }
}
