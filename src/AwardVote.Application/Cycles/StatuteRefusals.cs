using AwardVote.Domain.Cycles;

namespace AwardVote.Application.Cycles;

/// <summary>What <see cref="StatuteRules"/> and <see cref="ManualMove"/> find, as the refusals the statute's use cases answer with.</summary>
public static class StatuteRefusals
{
    /// <summary>The problems of <paramref name="sections"/> (all when none are named), each on <paramref name="field"/>.</summary>
    public static List<Refusal> Of(IEnumerable<StatuteProblem> problems, string? field, params StatuteSection[] sections) =>
        problems.Where(p => sections.Length == 0 || sections.Contains(p.Section)).Select(p => For(p, field)).ToList();

    public static Refusal For(StatuteProblem problem, string? field) =>
        new(Code(problem.Kind), RefusalKind.Invalid, field, problem.Item is { } item ? [item] : [0]);

    private static RefusalCode Code(StatuteProblemKind kind) => kind switch
    {
        StatuteProblemKind.NoCategory => RefusalCode.NoCategory,
        StatuteProblemKind.CategoryNameMissing => RefusalCode.CategoryNameMissing,
        StatuteProblemKind.CategoryNameRepeated => RefusalCode.CategoryNameRepeated,
        StatuteProblemKind.NoCriterion => RefusalCode.NoCriterion,
        StatuteProblemKind.CriterionNameMissing => RefusalCode.CriterionNameMissing,
        StatuteProblemKind.WeightNotPositive => RefusalCode.WeightNotPositive,
        StatuteProblemKind.ScaleMinNotBelowMax => RefusalCode.ScaleMinNotBelowMax,
        StatuteProblemKind.ScaleLabelMissing => RefusalCode.ScaleLabelMissing,
        StatuteProblemKind.NoRound => RefusalCode.NoRound,
        StatuteProblemKind.MethodDoesNotFitBallot => RefusalCode.MethodDoesNotFitBallot,
        StatuteProblemKind.ShortlistMissing => RefusalCode.ShortlistMissing,
        StatuteProblemKind.LastRoundHasShortlist => RefusalCode.LastRoundHasShortlist,
        StatuteProblemKind.ShortlistShrinks => RefusalCode.ShortlistShrinks,
        StatuteProblemKind.TieBreakCriterionMissing => RefusalCode.TieBreakCriterionMissing,
        StatuteProblemKind.TieBreakRuleRepeated => RefusalCode.TieBreakRuleRepeated,
        StatuteProblemKind.WinRuleNotPositive => RefusalCode.WinRuleNotPositive,
        StatuteProblemKind.CooldownNegative => RefusalCode.CooldownNegative,
        StatuteProblemKind.ReminderDaysInvalid => RefusalCode.ReminderDaysInvalid,
        StatuteProblemKind.PeoplesChoiceDatesOutOfOrder => RefusalCode.PeoplesChoiceDatesOutOfOrder,
        StatuteProblemKind.PeoplesChoiceDatesMissing => RefusalCode.PeoplesChoiceDatesMissing,
        StatuteProblemKind.EligibilityRuleTextMissing => RefusalCode.EligibilityRuleTextMissing,
        StatuteProblemKind.DatesDoNotIncrease => RefusalCode.DatesDoNotIncrease,
        StatuteProblemKind.ReachedStepChanged => RefusalCode.ReachedStepChanged,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "A statute problem without a refusal code."),
    };

    public static Refusal For(ManualMoveRefusal refusal) => Refusal.Conflict(refusal switch
    {
        ManualMoveRefusal.StatuteIncomplete => RefusalCode.NominationsNeedCompleteStatute,
        ManualMoveRefusal.PublicationOnly => RefusalCode.PhaseMovePublicationOnly,
        _ => RefusalCode.PhaseMoveNotPossible,
    });
}

/// <summary>The attribute checks of an input's nested part (<c>WinRule</c>), named as the input names it.</summary>
internal static class NestedInput
{
    public static IEnumerable<Refusal> Check(object? part, string prefix) =>
        part is null ? [] : InputRules.Check(part).Select(r => r with { Field = $"{prefix}.{r.Field}" });
}
