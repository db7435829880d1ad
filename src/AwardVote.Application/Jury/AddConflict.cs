using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Ballots;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>A conflict the chair (or an administrator) records by hand: whose, with which nomination, and why.</summary>
public sealed class AddConflictInput
{
    [Required(ErrorMessage = "Choose a juror of this panel.")]
    [Display(Name = "Juror")]
    public string? JurorUserId { get; set; }

    [Display(Name = "Nominee")]
    public int NominationId { get; set; }

    [Required(ErrorMessage = "Say what the conflict is.")]
    [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "What is the conflict?")]
    public string? Reason { get; set; }
}

/// <summary>
/// The chair (or an administrator) records a conflict of interest the system could not know (a relative, a former
/// employer) for a juror of the panel: confirmed at once, so the juror is kept off the nomination and left out of its
/// count. Audited and the juror mailed in the same save. Only while the round takes ballots, as a declaration: after
/// close it would change a closed count. The unique key (juror, nomination, source) keeps it once.
/// </summary>
public sealed class AddConflict(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<ConflictOfInterest>> RunAsync(int cycleId, int categoryId, AddConflictInput input, string recordedByUserId,
        CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<ConflictOfInterest>.Refused(invalid);
        if (!await JuryMembership.IsJurorAsync(db, input.JurorUserId!, cycleId, categoryId, cancellationToken))
            return Refusal.Invalid(nameof(input.JurorUserId), RefusalCode.NotOnPanel);
        var nomination = await db.Nominations.AsNoTracking()
            .SingleOrDefaultAsync(n => n.Id == input.NominationId && n.CycleId == cycleId && n.CategoryId == categoryId, cancellationToken);
        if (nomination is null || !JudgingRules.IsJudged(nomination))
            return Refusal.Invalid(nameof(input.NominationId), RefusalCode.NominationNotInRound);
        var cycle = await JudgingRound.LoadCycleAsync(db, cycleId, cancellationToken);
        var now = clock.GetUtcNow();
        if (!JudgingRules.AcceptsBallots(cycle, cycle.RoundNumber, now))
            return Refusal.Conflict(RefusalCode.RoundClosed);
        if (await db.Conflicts.AnyAsync(c => c.JurorUserId == input.JurorUserId && c.NominationId == nomination.Id
                                             && c.Source == ConflictSource.DeclaredRelationship, cancellationToken))
            return Refusal.Conflict(RefusalCode.ConflictAlreadyRecorded);

        var conflict = new ConflictOfInterest
        {
            CycleId = cycleId,
            NominationId = nomination.Id,
            JurorUserId = input.JurorUserId!,
            Source = ConflictSource.DeclaredRelationship,
            Reason = input.Reason!.Trim(),
            Status = ConflictStatus.Confirmed,
            RaisedAt = now,
            DecidedAt = now,
            DecidedByUserId = recordedByUserId,
        };
        db.Conflicts.Add(conflict);
        audit.Record("conflict.added", "Nomination", nomination.Id,
            after: new { conflict.JurorUserId, conflict.Source, conflict.Status, conflict.Reason, conflict.DecidedByUserId }, reason: conflict.Reason,
            cycleId: cycleId);
        await ConflictMail.QueueAsync(db, outbox, links, conflict, reopened: false, conflict.Reason,
            $"{nomination.Id}:{conflict.JurorUserId}:{now.ToUnixTimeMilliseconds()}", cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Recorded at the same moment by the chair and an administrator: the unique key kept the first.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.ConflictAlreadyRecorded);
        }
        mail.DeliverSoon();
        return conflict;
    }
}
