using AwardVote.Domain.Counting;

namespace AwardVote.Domain.Cycles;

/// <summary>The part of the statute a problem belongs to: each editing page refuses the problems of its own part.</summary>
public enum StatuteSection
{
    General,
    Categories,
    Criteria,
    Rounds,
    TieBreak,
    Schedule,
}

public enum StatuteProblemKind
{
    NoCategory,
    CategoryNameMissing,
    CategoryNameRepeated,
    NoCriterion,
    CriterionNameMissing,
    WeightNotPositive,
    ScaleMinNotBelowMax,
    ScaleLabelMissing,
    NoRound,
    MethodDoesNotFitBallot,
    ShortlistMissing,
    LastRoundHasShortlist,
    ShortlistShrinks,
    TieBreakCriterionMissing,
    TieBreakRuleRepeated,
    WinRuleNotPositive,
    CooldownNegative,
    ReminderDaysInvalid,
    PeoplesChoiceDatesOutOfOrder,
    PeoplesChoiceDatesMissing,
    EligibilityRuleTextMissing,
    DatesDoNotIncrease,
    ReachedStepChanged,
}

/// <summary>One thing wrong with a statute; <see cref="Item"/> is the 1-based position of the row concerned.</summary>
public sealed record StatuteProblem(StatuteSection Section, StatuteProblemKind Kind, int? Item = null);

/// <summary>
/// What makes a statute complete and consistent. Pure: the pages and the API both ask it before saving, and
/// opening nominations by hand asks it for the whole statute.
/// </summary>
public static class StatuteRules
{
    public static IReadOnlyList<StatuteProblem> Validate(AwardCycle cycle)
    {
        var problems = new List<StatuteProblem>();
        void Add(StatuteSection section, StatuteProblemKind kind, int? item = null) => problems.Add(new(section, kind, item));

        if (cycle.LaureateCooldownYears is < 0)
            Add(StatuteSection.General, StatuteProblemKind.CooldownNegative);
        if (ParseReminderDays(cycle.ReminderDaysBeforeClose) is null)
            Add(StatuteSection.General, StatuteProblemKind.ReminderDaysInvalid);
        if (cycle.PeoplesChoice is { OpensAt: { } opens, ClosesAt: { } closes } && closes <= opens)
            Add(StatuteSection.General, StatuteProblemKind.PeoplesChoiceDatesOutOfOrder);
        // A vote without dates would never open: the statute is locked before anyone notices.
        if (cycle.PeoplesChoice is { Enabled: true } vote && (vote.OpensAt is null || vote.ClosesAt is null))
            Add(StatuteSection.General, StatuteProblemKind.PeoplesChoiceDatesMissing);
        foreach (var (rule, index) in cycle.EligibilityRules.OrderBy(r => r.Order).Select((r, i) => (r, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(rule.Text))
                Add(StatuteSection.General, StatuteProblemKind.EligibilityRuleTextMissing, index);
        }

        if (cycle.Categories.Count == 0)
            Add(StatuteSection.Categories, StatuteProblemKind.NoCategory);
        var categoryNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (category, index) in cycle.Categories.OrderBy(c => c.Order).Select((c, i) => (c, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(category.Name))
                Add(StatuteSection.Categories, StatuteProblemKind.CategoryNameMissing, index);
            else if (!categoryNames.Add(category.Name.Trim()))
                Add(StatuteSection.Categories, StatuteProblemKind.CategoryNameRepeated, index);
        }

        if (cycle.Criteria.Count == 0)
            Add(StatuteSection.Criteria, StatuteProblemKind.NoCriterion);
        foreach (var (criterion, index) in cycle.Criteria.OrderBy(c => c.Order).Select((c, i) => (c, i + 1)))
        {
            if (string.IsNullOrWhiteSpace(criterion.Name))
                Add(StatuteSection.Criteria, StatuteProblemKind.CriterionNameMissing, index);
            if (criterion.Weight <= 0)
                Add(StatuteSection.Criteria, StatuteProblemKind.WeightNotPositive, index);
            if (criterion.ScaleMin >= criterion.ScaleMax)
                Add(StatuteSection.Criteria, StatuteProblemKind.ScaleMinNotBelowMax, index);
            else if (Enumerable.Range(criterion.ScaleMin, criterion.ScaleMax - criterion.ScaleMin + 1)
                     .Any(value => criterion.Levels.FirstOrDefault(l => l.Value == value) is not { } level || string.IsNullOrWhiteSpace(level.Label)))
                // Every score value carries a visible label on the ballot and in the results.
                Add(StatuteSection.Criteria, StatuteProblemKind.ScaleLabelMissing, index);
        }

        var rounds = cycle.Rounds.OrderBy(r => r.Number).ToList();
        if (rounds.Count == 0)
            Add(StatuteSection.Rounds, StatuteProblemKind.NoRound);
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = rounds[i];
            var isLast = i == rounds.Count - 1;
            if (!MethodFits(round.Kind, round.Method))
                Add(StatuteSection.Rounds, StatuteProblemKind.MethodDoesNotFitBallot, i + 1);
            if (isLast && round.ShortlistSize is not null)
                Add(StatuteSection.Rounds, StatuteProblemKind.LastRoundHasShortlist, i + 1);
            if (!isLast && round.ShortlistSize is not > 0)
                Add(StatuteSection.Rounds, StatuteProblemKind.ShortlistMissing, i + 1);
            if (i > 0 && !isLast && rounds[i - 1].ShortlistSize is { } previous && round.ShortlistSize is { } size && size >= previous)
                Add(StatuteSection.Rounds, StatuteProblemKind.ShortlistShrinks, i + 1);
        }
        if (cycle.WinRule.MinimumFirstPlaces is <= 0 || cycle.WinRule.MinimumLead is <= 0)
            Add(StatuteSection.Rounds, StatuteProblemKind.WinRuleNotPositive);

        var rules = new HashSet<(TieBreakRule, int?)>();
        foreach (var (step, index) in cycle.TieBreakChain.OrderBy(s => s.Order).Select((s, i) => (s, i + 1)))
        {
            if (step.Rule == TieBreakRule.HigherMeanOnCriterion
                && (step.CriterionId is not { } criterionId || cycle.Criteria.All(c => c.Id != criterionId)))
                Add(StatuteSection.TieBreak, StatuteProblemKind.TieBreakCriterionMissing, index);
            if (!rules.Add((step.Rule, step.Rule == TieBreakRule.HigherMeanOnCriterion ? step.CriterionId : null)))
                Add(StatuteSection.TieBreak, StatuteProblemKind.TieBreakRuleRepeated, index);
        }

        problems.AddRange(ValidateSchedule(cycle.Schedule));
        return problems;
    }

    /// <summary>
    /// Whether the method counts this kind of ballot (score ballots by weighted mean; ranked ballots by a ranked
    /// method), as <see cref="CountingMethods"/> maps it. A value that is no method fits nothing; a method left out of
    /// the mapping throws, so it is noticed before a statute can use it.
    /// </summary>
    public static bool MethodFits(BallotKind kind, CountingMethod method) =>
        Enum.IsDefined(method) && CountingMethods.BallotKindOf(method) == kind;

    /// <summary>The dates that are set must increase along the schedule (a step without a date is moved by hand).</summary>
    public static IReadOnlyList<StatuteProblem> ValidateSchedule(IEnumerable<PhaseStep> schedule)
    {
        var problems = new List<StatuteProblem>();
        DateTimeOffset? previous = null;
        foreach (var step in schedule.OrderBy(s => s.Sequence))
        {
            if (step.StartsAt is not { } startsAt)
                continue;
            if (previous is { } before && startsAt <= before)
                problems.Add(new(StatuteSection.Schedule, StatuteProblemKind.DatesDoNotIncrease, step.Sequence));
            previous = startsAt;
        }
        return problems;
    }

    /// <summary>"7,1" → [7, 1]; null when the text is not a list of whole days of at least one.</summary>
    public static IReadOnlyList<int>? ParseReminderDays(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var days = new List<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var day) || day < 1 || day > 365)
                return null;
            days.Add(day);
        }
        return days;
    }
}
