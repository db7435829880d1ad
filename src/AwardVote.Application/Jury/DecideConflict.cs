using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>The chair's (or an administrator's) decision on a proposed conflict.</summary>
public sealed class DecideConflictInput
{
    /// <summary>True confirms the conflict (the juror is kept away from the nomination); false dismisses the proposal.</summary>
    public bool Confirm { get; set; }

    /// <summary>Required to dismiss.</summary>
    [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }
}

/// <summary>
/// Confirms or dismisses a proposed conflict of a panel (a dismissal needs a reason), audited with before and after
/// in the same save. A juror's own declaration is not the chair's to overturn here, and nobody decides a conflict
/// about themself. The juror is told the decision by mail, queued in the same save.
/// </summary>
public sealed class DecideConflict(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock)
    : IUseCase
{
    public async Task<Outcome<ConflictOfInterest>> RunAsync(int cycleId, int categoryId, int conflictId, DecideConflictInput input,
        string deciderUserId, CancellationToken cancellationToken)
    {
        var conflict = await db.Conflicts
            .Join(db.Nominations, c => c.NominationId, n => n.Id, (c, n) => new { c, n.CategoryId })
            .Where(x => x.c.Id == conflictId && x.c.CycleId == cycleId && x.CategoryId == categoryId)
            .Select(x => x.c)
            .SingleOrDefaultAsync(cancellationToken);
        if (conflict is null)
            return Refusal.NotFound;
        // The chair may be a juror with a conflict too, and an administrator may sit on a panel: whoever the conflict
        // is about never decides it. An administrator decides the chair's; another administrator an administrator's.
        if (conflict.JurorUserId == deciderUserId)
            return Refusal.Conflict(RefusalCode.OwnConflict);
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<ConflictOfInterest>.Refused(invalid);
        if (!input.Confirm && string.IsNullOrWhiteSpace(input.Reason))
            return Refusal.Invalid(nameof(input.Reason), RefusalCode.DismissalReasonMissing);
        if (conflict.Status != ConflictStatus.Proposed || conflict.Source == ConflictSource.DeclaredByJuror)
            return Refusal.Conflict(RefusalCode.ConflictAlreadyDecided);

        var before = new { conflict.Status, conflict.DecisionReason, conflict.DecidedByUserId };
        conflict.Status = input.Confirm ? ConflictStatus.Confirmed : ConflictStatus.Dismissed;
        conflict.DecisionReason = string.IsNullOrWhiteSpace(input.Reason) ? null : input.Reason.Trim();
        conflict.DecidedByUserId = deciderUserId;
        conflict.DecidedAt = clock.GetUtcNow();
        audit.Record(input.Confirm ? "conflict.confirmed" : "conflict.dismissed", nameof(ConflictOfInterest), conflict.Id, before,
            new { conflict.Status, conflict.DecisionReason, conflict.DecidedByUserId, conflict.JurorUserId, conflict.NominationId, conflict.Source },
            conflict.DecisionReason, conflict.CycleId);
        await ConflictMail.QueueDecidedAsync(db, outbox, links, conflict, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        mail.DeliverSoon();
        return conflict;
    }
}
