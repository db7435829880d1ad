using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

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
public sealed class MovePhase(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
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
        if (input.Version is { } version)
        {
            if (version != cycle.Version)
                return StatuteEditor.Stale;
            db.Entry(cycle).Property(c => c.Version).OriginalValue = version;
        }
        if (!await CycleTransitions.MoveAsync(db, audit, cycle, target!, clock.GetUtcNow(), input.Reason.Trim(),
                CycleTransitions.MovedByHand, cancellationToken))
            return StatuteEditor.Stale;
        return cycle;
    }
}
