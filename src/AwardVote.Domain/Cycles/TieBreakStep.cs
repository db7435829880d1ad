namespace AwardVote.Domain.Cycles;

/// <summary>One link of the statute's tie-break chain, applied in <see cref="Order"/>.</summary>
public sealed class TieBreakStep
{
    public int Id { get; set; }
    public int CycleId { get; set; }
    public int Order { get; set; }
    public TieBreakRule Rule { get; set; }
    /// <summary>For <see cref="TieBreakRule.HigherMeanOnCriterion"/>.</summary>
    public int? CriterionId { get; set; }
}

public enum TieBreakRule
{
    HigherMeanOnCriterion,
    MoreFirstPreferences,
    HigherMedian,
    ChairCastingVote,
    RepeatBallot,
}
