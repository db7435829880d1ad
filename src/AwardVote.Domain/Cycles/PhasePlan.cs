namespace AwardVote.Domain.Cycles;

/// <summary>
/// The order of phases a statute gives:
/// Draft → NominationsOpen → EligibilityReview → Judging(1) → [Shortlist → Judging(n)]… → Counting → ResultsReview → Published → Archived.
/// </summary>
public static class PhasePlan
{
    public static IReadOnlyList<(CyclePhase Phase, int RoundNumber)> StepsFor(int roundCount)
    {
        if (roundCount < 1)
            throw new ArgumentOutOfRangeException(nameof(roundCount), "A statute has at least one judging round.");

        var steps = new List<(CyclePhase, int)>
        {
            (CyclePhase.Draft, 0),
            (CyclePhase.NominationsOpen, 0),
            (CyclePhase.EligibilityReview, 0),
            (CyclePhase.Judging, 1),
        };
        for (var round = 2; round <= roundCount; round++)
        {
            steps.Add((CyclePhase.Shortlist, round - 1));
            steps.Add((CyclePhase.Judging, round));
        }
        steps.Add((CyclePhase.Counting, roundCount));
        steps.Add((CyclePhase.ResultsReview, roundCount));
        steps.Add((CyclePhase.Published, roundCount));
        steps.Add((CyclePhase.Archived, roundCount));
        return steps;
    }

    /// <summary>
    /// <paramref name="phase"/> and every phase after it, for queries: phases are stored by name, so "at least" in
    /// SQL must be a list (a text comparison would put ResultsReview after Published).
    /// </summary>
    public static CyclePhase[] PhasesFrom(CyclePhase phase) => Enum.GetValues<CyclePhase>().Where(p => p >= phase).ToArray();

    /// <summary>A fresh schedule for a statute with <paramref name="roundCount"/> rounds, no dates set.</summary>
    public static List<PhaseStep> NewSchedule(int roundCount) =>
        StepsFor(roundCount)
            .Select((step, index) => new PhaseStep { Sequence = index, Phase = step.Phase, RoundNumber = step.RoundNumber })
            .ToList();

    public static PhaseStep? CurrentStep(AwardCycle cycle) =>
        cycle.Schedule.FirstOrDefault(s => s.Phase == cycle.Phase && s.RoundNumber == cycle.RoundNumber);

    public static PhaseStep? NextStep(AwardCycle cycle)
    {
        var current = CurrentStep(cycle);
        return current is null
            ? null
            : cycle.Schedule.Where(s => s.Sequence > current.Sequence).MinBy(s => s.Sequence);
    }

    /// <summary>
    /// The step the clock has reached: follows every consecutive step whose start time has passed, and stops at
    /// the first one without a start time (counting and publication are moved by their own jobs or by hand), and
    /// never goes into publication: that needs an approved citation, and the publisher moves the cycle itself.
    /// Null when nothing is due.
    /// </summary>
    public static PhaseStep? DueStep(AwardCycle cycle, DateTimeOffset now)
    {
        PhaseStep? due = null;
        var current = CurrentStep(cycle);
        if (current is null)
            return null;

        foreach (var step in cycle.Schedule.Where(s => s.Sequence > current.Sequence).OrderBy(s => s.Sequence))
        {
            if (step.StartsAt is not { } startsAt || startsAt > now || step.Phase == CyclePhase.Published)
                break;
            due = step;
        }
        return due;
    }

    /// <summary>Moves the cycle to <paramref name="step"/>; opening nominations locks the statute.</summary>
    public static void MoveTo(AwardCycle cycle, PhaseStep step, DateTimeOffset now)
    {
        cycle.Phase = step.Phase;
        cycle.RoundNumber = step.RoundNumber;
        if (step.Phase >= CyclePhase.NominationsOpen && cycle.StatuteLockedAt is null)
            cycle.StatuteLockedAt = now;
        cycle.Version = Guid.NewGuid();
    }

    /// <summary>Whether nominations may still be written and submitted.</summary>
    public static bool AcceptsNominations(AwardCycle cycle, DateTimeOffset now)
    {
        if (cycle.Phase != CyclePhase.NominationsOpen)
            return false;
        var closes = NextStep(cycle)?.StartsAt;
        return closes is null || now < closes;
    }
}
