namespace AwardVote.Domain.Cycles;

public enum ManualMoveRefusal
{
    None,
    /// <summary>No step before the first or after the last.</summary>
    NoSuchStep,
    /// <summary>Opening nominations fixes the statute, so it must be complete first.</summary>
    StatuteIncomplete,
    /// <summary>
    /// Results are published from the results page (approved citations, mails, the public page), never by moving
    /// the phase; and what is published is not taken back.
    /// </summary>
    PublicationOnly,
}

/// <summary>Where an administrator may move a cycle by hand: one step forward or one step back.</summary>
public static class ManualMove
{
    public static (PhaseStep? Target, ManualMoveRefusal Refusal) Target(AwardCycle cycle, bool forward)
    {
        var current = PhasePlan.CurrentStep(cycle);
        var target = current is null
            ? null
            : forward
                ? cycle.Schedule.Where(s => s.Sequence > current.Sequence).MinBy(s => s.Sequence)
                : cycle.Schedule.Where(s => s.Sequence < current.Sequence).MaxBy(s => s.Sequence);
        if (target is null)
            return (null, ManualMoveRefusal.NoSuchStep);
        if (forward && target.Phase == CyclePhase.NominationsOpen && !cycle.StatuteIsLocked && StatuteRules.Validate(cycle).Count > 0)
            return (null, ManualMoveRefusal.StatuteIncomplete);
        if ((forward && target.Phase == CyclePhase.Published) || (!forward && current!.Phase == CyclePhase.Published))
            return (null, ManualMoveRefusal.PublicationOnly);
        return (target, ManualMoveRefusal.None);
    }
}
