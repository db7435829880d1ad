using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;

namespace AwardVote.Domain.Judging;

/// <summary>When a round takes ballots, when it is closed, and which nominations it judges.</summary>
public static class JudgingRules
{
    /// <summary>
    /// When judging round <paramref name="round"/> closes: the start of the schedule step after it. Null when no
    /// date is set (the round then closes when an administrator moves the phase).
    /// </summary>
    public static DateTimeOffset? RoundClosesAt(AwardCycle cycle, int round)
    {
        var judging = cycle.Schedule.FirstOrDefault(s => s.Phase == CyclePhase.Judging && s.RoundNumber == round);
        return judging is null
            ? null
            : cycle.Schedule.Where(s => s.Sequence > judging.Sequence).MinBy(s => s.Sequence)?.StartsAt;
    }

    /// <summary>Ballots of the round may be cast or changed: the cycle is judging that round and its close has not come.</summary>
    public static bool AcceptsBallots(AwardCycle cycle, int round, DateTimeOffset now) =>
        cycle.Phase == CyclePhase.Judging
        && cycle.RoundNumber == round
        && (RoundClosesAt(cycle, round) is not { } closes || now < closes);

    /// <summary>
    /// The round is over: the cycle has moved past it, or its closing time has passed (even before the phase job
    /// runs). Only then may anyone see scores other than their own.
    /// </summary>
    public static bool RoundIsClosed(AwardCycle cycle, int round, DateTimeOffset now)
    {
        if (cycle.Phase > CyclePhase.Judging || (cycle.Phase >= CyclePhase.Judging && cycle.RoundNumber > round))
            return true;
        return cycle.Phase == CyclePhase.Judging && cycle.RoundNumber == round
               && RoundClosesAt(cycle, round) is { } closes && now >= closes;
    }

    /// <summary>A nomination goes to the jury once submitted and found eligible.</summary>
    public static bool IsJudged(Nomination nomination) =>
        nomination is { Status: NominationStatus.Submitted, Eligibility: EligibilityDecision.Eligible };

    /// <summary>
    /// A score ballot is complete when the juror abstained or scored every criterion that is not optional, each
    /// within its scale.
    /// </summary>
    public static bool IsComplete(ScoreBallot ballot, IReadOnlyList<Criterion> criteria) =>
        ballot.Abstained || criteria.All(c =>
            ballot.Scores.FirstOrDefault(s => s.CriterionId == c.Id)?.Score is { } score
                ? score >= c.ScaleMin && score <= c.ScaleMax
                : c.IsOptional);

    /// <summary>The problems of a set of scores against the statute's criteria; empty when it can be saved.</summary>
    public static IReadOnlyList<ScoreProblem> Check(IReadOnlyDictionary<int, int?> scores, IReadOnlyList<Criterion> criteria)
    {
        var problems = new List<ScoreProblem>();
        foreach (var (criterionId, score) in scores)
        {
            var criterion = criteria.FirstOrDefault(c => c.Id == criterionId);
            if (criterion is null)
                problems.Add(new ScoreProblem(criterionId, ScoreProblemKind.UnknownCriterion));
            else if (score is { } value && (value < criterion.ScaleMin || value > criterion.ScaleMax))
                problems.Add(new ScoreProblem(criterionId, ScoreProblemKind.OutOfScale));
        }
        return problems;
    }
}

public enum ScoreProblemKind
{
    UnknownCriterion,
    OutOfScale,
}

public sealed record ScoreProblem(int CriterionId, ScoreProblemKind Kind);

/// <summary>A nomination that goes on to the next round (filled by counting, issue 5; read by the ranked ballot).</summary>
public sealed class ShortlistEntry
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public int CategoryId { get; set; }
    public int NominationId { get; set; }
    public int Position { get; set; }
}
