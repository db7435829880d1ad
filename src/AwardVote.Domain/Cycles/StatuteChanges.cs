using System.Globalization;
using System.Text;

namespace AwardVote.Domain.Cycles;

public sealed record CategoryData(int Id, string Name, string? NameEn, string? Description, string? DescriptionEn);

public sealed record ScaleLabelData(int Value, string Label, string? LabelEn);

public sealed record CriterionData(int Id, string Name, string? NameEn, string? Description, string? DescriptionEn,
    decimal Weight, int ScaleMin, int ScaleMax, bool IsOptional, IReadOnlyList<ScaleLabelData> Labels);

public sealed record RoundData(BallotKind Kind, CountingMethod Method, int? ShortlistSize, bool AllowEqualRanks);

/// <summary>A link of the tie-break chain; the criterion is named by its 1-based position in the statute.</summary>
public sealed record TieBreakData(TieBreakRule Rule, int? CriterionPosition);

public sealed record EligibilityRuleData(string Text, string? TextEn);

/// <summary>
/// Changes to a statute, applied to the cycle in memory; the caller validates with <see cref="StatuteRules"/> and
/// saves. Categories and criteria keep their identity (nominations and tie-break steps point at them); rounds,
/// tie-break steps and eligibility rules are plain ordered lists and are rewritten by position.
/// </summary>
public static class StatuteChanges
{
    public static void SetCategories(AwardCycle cycle, IReadOnlyList<CategoryData> categories)
    {
        var kept = new List<Category>();
        foreach (var (data, index) in categories.Select((c, i) => (c, i)))
        {
            var category = cycle.Categories.FirstOrDefault(c => c.Id == data.Id && data.Id != 0);
            if (category is null)
            {
                category = new Category { Name = "" };
                cycle.Categories.Add(category);
            }
            category.Order = index + 1;
            category.Name = data.Name.Trim();
            category.NameEn = Blank(data.NameEn);
            category.Description = Blank(data.Description);
            category.DescriptionEn = Blank(data.DescriptionEn);
            kept.Add(category);
        }
        cycle.Categories.RemoveAll(c => !kept.Contains(c));
    }

    public static void SetCriteria(AwardCycle cycle, IReadOnlyList<CriterionData> criteria)
    {
        var kept = new List<Criterion>();
        foreach (var (data, index) in criteria.Select((c, i) => (c, i)))
        {
            var criterion = cycle.Criteria.FirstOrDefault(c => c.Id == data.Id && data.Id != 0);
            if (criterion is null)
            {
                criterion = new Criterion { Name = "" };
                cycle.Criteria.Add(criterion);
            }
            criterion.Order = index + 1;
            criterion.Name = data.Name.Trim();
            criterion.NameEn = Blank(data.NameEn);
            criterion.Description = Blank(data.Description);
            criterion.DescriptionEn = Blank(data.DescriptionEn);
            criterion.Weight = data.Weight;
            criterion.ScaleMin = data.ScaleMin;
            criterion.ScaleMax = data.ScaleMax;
            criterion.IsOptional = data.IsOptional;
            SetLabels(criterion, data.Labels);
            kept.Add(criterion);
        }
        cycle.Criteria.RemoveAll(c => !kept.Contains(c));
    }

    /// <summary>Labels are matched by score value, so a value keeps its row (the value is unique per criterion).</summary>
    private static void SetLabels(Criterion criterion, IReadOnlyList<ScaleLabelData> labels)
    {
        var kept = new List<ScaleLevel>();
        if (criterion.ScaleMin < criterion.ScaleMax && criterion.ScaleMax - criterion.ScaleMin <= 100)
        {
            for (var value = criterion.ScaleMin; value <= criterion.ScaleMax; value++)
            {
                var data = labels.FirstOrDefault(l => l.Value == value);
                var level = criterion.Levels.FirstOrDefault(l => l.Value == value);
                if (level is null)
                {
                    level = new ScaleLevel { Value = value, Label = "" };
                    criterion.Levels.Add(level);
                }
                level.Label = data?.Label.Trim() ?? "";
                level.LabelEn = Blank(data?.LabelEn);
                kept.Add(level);
            }
        }
        criterion.Levels.RemoveAll(l => !kept.Contains(l));
    }

    /// <summary>Sets the rounds and rebuilds the schedule when their number changes.</summary>
    public static void SetRounds(AwardCycle cycle, IReadOnlyList<RoundData> rounds)
    {
        var ordered = cycle.Rounds.OrderBy(r => r.Number).ToList();
        for (var i = 0; i < rounds.Count; i++)
        {
            var round = i < ordered.Count ? ordered[i] : new Round { Number = i + 1 };
            if (i >= ordered.Count)
                cycle.Rounds.Add(round);
            round.Kind = rounds[i].Kind;
            round.Method = rounds[i].Method;
            round.ShortlistSize = rounds[i].ShortlistSize;
            round.AllowEqualRanks = rounds[i].Kind == BallotKind.Ranked && rounds[i].AllowEqualRanks;
        }
        cycle.Rounds.RemoveAll(r => r.Number > rounds.Count);
        if (rounds.Count > 0 && PhasePlan.StepsFor(rounds.Count).Count != cycle.Schedule.Count)
            RebuildSchedule(cycle, rounds.Count);
    }

    /// <summary>
    /// A new list of steps for <paramref name="roundCount"/> rounds. Steps that exist in both keep their row and
    /// date; the others are added or removed.
    /// </summary>
    public static void RebuildSchedule(AwardCycle cycle, int roundCount)
    {
        var wanted = PhasePlan.StepsFor(roundCount);
        var kept = new List<PhaseStep>();
        foreach (var (phase, round) in wanted)
        {
            var step = cycle.Schedule.FirstOrDefault(s => s.Phase == phase && s.RoundNumber == round);
            if (step is null)
            {
                step = new PhaseStep { Phase = phase, RoundNumber = round };
                cycle.Schedule.Add(step);
            }
            kept.Add(step);
        }
        cycle.Schedule.RemoveAll(s => !kept.Contains(s));
        // Sequence is unique per cycle: new numbers are taken above the old ones, then renumbered by the caller's
        // second pass (see RenumberSchedule), so no two rows ever hold the same number in one statement.
        var offset = cycle.Schedule.Count == 0 ? 0 : Math.Max(cycle.Schedule.Max(s => s.Sequence), kept.Count) + 1;
        foreach (var (step, index) in kept.Select((s, i) => (s, i)))
            step.Sequence = offset + index;
    }

    /// <summary>Whether <see cref="RebuildSchedule"/> left sequence numbers to be set back to 0..n-1.</summary>
    public static bool RenumberSchedule(AwardCycle cycle)
    {
        var ordered = cycle.Schedule.OrderBy(s => s.Sequence).ToList();
        var changed = false;
        for (var i = 0; i < ordered.Count; i++)
        {
            if (ordered[i].Sequence != i)
            {
                ordered[i].Sequence = i;
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>
    /// Sets the tie-break chain. A step that names a criterion not saved yet (no id) is returned, to be linked
    /// once the criterion has its id.
    /// </summary>
    public static IReadOnlyList<(TieBreakStep Step, Criterion Criterion)> SetTieBreakChain(AwardCycle cycle, IReadOnlyList<TieBreakData> chain)
    {
        var pending = new List<(TieBreakStep, Criterion)>();
        var ordered = cycle.TieBreakChain.OrderBy(s => s.Order).ToList();
        var criteria = cycle.Criteria.OrderBy(c => c.Order).ToList();
        for (var i = 0; i < chain.Count; i++)
        {
            var step = i < ordered.Count ? ordered[i] : new TieBreakStep { Order = i + 1 };
            if (i >= ordered.Count)
                cycle.TieBreakChain.Add(step);
            step.Rule = chain[i].Rule;
            step.CriterionId = null;
            if (step.Rule == TieBreakRule.HigherMeanOnCriterion && chain[i].CriterionPosition is { } position
                && position >= 1 && position <= criteria.Count)
            {
                var criterion = criteria[position - 1];
                if (criterion.Id != 0)
                    step.CriterionId = criterion.Id;
                else
                    pending.Add((step, criterion));
            }
        }
        cycle.TieBreakChain.RemoveAll(s => s.Order > chain.Count);
        return pending;
    }

    public static void SetEligibilityRules(AwardCycle cycle, IReadOnlyList<EligibilityRuleData> rules)
    {
        var ordered = cycle.EligibilityRules.OrderBy(r => r.Order).ToList();
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = i < ordered.Count ? ordered[i] : new EligibilityRule { Order = i + 1, Text = "" };
            if (i >= ordered.Count)
                cycle.EligibilityRules.Add(rule);
            rule.Text = rules[i].Text.Trim();
            rule.TextEn = Blank(rules[i].TextEn);
        }
        cycle.EligibilityRules.RemoveAll(r => r.Order > rules.Count);
    }

    /// <summary>The criterion's 1-based position, as tie-break data names it.</summary>
    public static int? CriterionPosition(AwardCycle cycle, int? criterionId) =>
        criterionId is { } id && cycle.Criteria.OrderBy(c => c.Order).Select((c, i) => (c, i)).FirstOrDefault(x => x.c.Id == id) is { c: not null } found
            ? found.i + 1
            : null;

    /// <summary>
    /// A new draft cycle with the whole statute of <paramref name="source"/> (not its nominations, not its dates).
    /// Tie-break steps that name a criterion come back as pending links: the copied criteria have no ids yet.
    /// </summary>
    public static (AwardCycle Cycle, IReadOnlyList<(TieBreakStep Step, Criterion Criterion)> Pending) CopyStatute(
        AwardCycle source, string title, string? titleEn, int year, string slug, DateTimeOffset now)
    {
        var criteria = source.Criteria.OrderBy(c => c.Order).Select(c => new Criterion
        {
            Order = c.Order, Name = c.Name, NameEn = c.NameEn, Description = c.Description, DescriptionEn = c.DescriptionEn,
            Weight = c.Weight, ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax, IsOptional = c.IsOptional,
            Levels = c.Levels.OrderBy(l => l.Value).Select(l => new ScaleLevel { Value = l.Value, Label = l.Label, LabelEn = l.LabelEn }).ToList(),
        }).ToList();
        var cycle = new AwardCycle
        {
            Title = title, TitleEn = titleEn, Year = year, Slug = slug, CreatedAt = now, CopiedFromCycleId = source.Id,
            Description = source.Description, DescriptionEn = source.DescriptionEn, Secrecy = source.Secrecy, PublicCountFiles = source.PublicCountFiles,
            NomineesPublicAfterNominationsClose = source.NomineesPublicAfterNominationsClose,
            FeedbackToNominees = source.FeedbackToNominees, LaureateCooldownYears = source.LaureateCooldownYears,
            RegionIsConflict = source.RegionIsConflict, TimeZone = source.TimeZone, JurorsNeedSecondFactor = source.JurorsNeedSecondFactor,
            ReminderDaysBeforeClose = source.ReminderDaysBeforeClose,
            WinRule = new WinRule { MinimumFirstPlaces = source.WinRule.MinimumFirstPlaces, MinimumLead = source.WinRule.MinimumLead },
            // The vote's dates belong to the old year; the new year sets its own.
            PeoplesChoice = new PeoplesChoiceSettings
            {
                Enabled = source.PeoplesChoice.Enabled, Eligibility = source.PeoplesChoice.Eligibility,
                Allowance = source.PeoplesChoice.Allowance, LiveCount = source.PeoplesChoice.LiveCount,
            },
            Categories = source.Categories.OrderBy(c => c.Order).Select(c => new Category
            {
                Order = c.Order, Name = c.Name, NameEn = c.NameEn, Description = c.Description, DescriptionEn = c.DescriptionEn,
            }).ToList(),
            Criteria = criteria,
            Rounds = source.Rounds.OrderBy(r => r.Number).Select(r => new Round
            {
                Number = r.Number, Kind = r.Kind, Method = r.Method, ShortlistSize = r.ShortlistSize, AllowEqualRanks = r.AllowEqualRanks,
            }).ToList(),
            EligibilityRules = source.EligibilityRules.OrderBy(r => r.Order).Select(r => new EligibilityRule
            {
                Order = r.Order, Text = r.Text, TextEn = r.TextEn,
            }).ToList(),
            Schedule = PhasePlan.NewSchedule(Math.Max(1, source.Rounds.Count)),
        };
        var pending = new List<(TieBreakStep, Criterion)>();
        var sourceCriteria = source.Criteria.OrderBy(c => c.Order).ToList();
        foreach (var step in source.TieBreakChain.OrderBy(s => s.Order))
        {
            var copy = new TieBreakStep { Order = step.Order, Rule = step.Rule };
            cycle.TieBreakChain.Add(copy);
            var index = sourceCriteria.FindIndex(c => c.Id == step.CriterionId);
            if (step.CriterionId is not null && index >= 0)
                pending.Add((copy, criteria[index]));
        }
        return (cycle, pending);
    }

    /// <summary>A new draft cycle with one scoring round and nothing else yet.</summary>
    public static AwardCycle NewCycle(string title, string? titleEn, int year, string slug, DateTimeOffset now) => new()
    {
        Title = title,
        TitleEn = titleEn,
        Year = year,
        Slug = slug,
        CreatedAt = now,
        Rounds = [new Round { Number = 1, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }],
        Schedule = PhasePlan.NewSchedule(1),
    };

    /// <summary>"Gada bibliotēka" and 2027 → "gada-biblioteka-2027": Latvian letters without their marks.</summary>
    public static string SlugFor(string title, int year)
    {
        var decomposed = title.Trim().ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var slug = new StringBuilder();
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
                slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-')
                slug.Append('-');
        }
        var text = slug.ToString().Trim('-');
        var yearText = year.ToString(CultureInfo.InvariantCulture);
        if (!text.Split('-').Contains(yearText))
            text = text.Length == 0 ? yearText : $"{text}-{yearText}";
        return text.Length > 90 ? text[..90].TrimEnd('-') : text;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
