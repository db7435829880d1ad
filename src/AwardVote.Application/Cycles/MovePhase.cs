using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

public sealed class MovePhaseInput
{
    /// <summary>The cycle's version the form or the client read; a client may leave it out.</summary>
    public Guid? Version { get; set; }

    /// <summary><c>next</c> or <c>back</c>: one step of the schedule.</summary>
    [Required(ErrorMessage = "Choose where to move the cycle.")]
    [RegularExpression("^(next|back)$", ErrorMessage = "Choose where to move the cycle.")]
    public string Direction { get; set; } = "next";

    [Required(ErrorMessage = "Give the reason for moving the phase by hand; it is kept in the audit log.")]
    [StringLength(1000, ErrorMessage = "The reason is too long.")]
    [Display(Name = "Reason")]
    public string Reason { get; set; } = "";
}

/// <summary>
/// The administrator moves a cycle one step forward or back by hand, to correct the course; the reason is kept in the
/// audit log. The same transition as the clock's (<see cref="CycleTransitions"/>), so closing nominations freezes them.
/// </summary>
/// <remarks>
/// A judging round's close is one-way once the round holds a ballot (issue 14): moving back across it would let
/// whoever read the scores after the close (the export, the means) have the jurors vote again, and the count stored
/// at the close would no longer be the round's. Forward moves close a round for good.
/// </remarks>
public sealed class MovePhase(AppDbContext db, AuditLog audit, Outbox outbox, MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<AwardCycle>> RunAsync(int cycleId, MovePhaseInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<AwardCycle>.Refused(invalid);
        var (target, refusal) = ManualMove.Target(cycle, forward: input.Direction != "back");
        if (refusal != ManualMoveRefusal.None)
            return StatuteRefusals.For(refusal);
        if (input.Direction == "back" && await ReopenedRoundAsync(cycle, target!, cancellationToken) is { } reopened)
            return Refusal.Conflict(RefusalCode.PhaseMoveReopensRound, args: reopened);
        if (input.Version is { } version)
        {
            if (version != cycle.Version)
                return StatuteEditor.Stale;
            db.Entry(cycle).Property(c => c.Version).OriginalValue = version;
        }
        await JudgingOpenedMails.QueueAsync(db, outbox, links, cycle, target!, cancellationToken);
        if (!await CycleTransitions.MoveAsync(db, audit, cycle, target!, clock.GetUtcNow(), input.Reason.Trim(),
                CycleTransitions.MovedByHand, cancellationToken))
        {
            db.ChangeTracker.Clear();
            return StatuteEditor.Stale;
        }
        mail.DeliverSoon();
        return cycle;
    }

    /// <summary>
    /// The number of a closed judging round with a ballot that moving back to <paramref name="target"/> would reopen:
    /// a judging step between the target (included) and the current step (excluded) has been closed by this cycle.
    /// </summary>
    private async Task<int?> ReopenedRoundAsync(AwardCycle cycle, PhaseStep target, CancellationToken cancellationToken)
    {
        var current = PhasePlan.CurrentStep(cycle);
        if (current is null)
            return null;
        var rounds = cycle.Schedule
            .Where(s => s.Phase == CyclePhase.Judging && s.Sequence >= target.Sequence && s.Sequence < current.Sequence)
            .Select(s => s.RoundNumber)
            .ToList();
        if (rounds.Count == 0)
            return null;
        var withBallots = await db.Rounds
            .Where(r => r.CycleId == cycle.Id && rounds.Contains(r.Number)
                        && (db.ScoreBallots.Any(b => b.RoundId == r.Id) || db.RankedBallots.Any(b => b.RoundId == r.Id)))
            .Select(r => (int?)r.Number)
            .MaxAsync(cancellationToken);
        return withBallots;
    }
}
