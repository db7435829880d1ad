using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Cycles;

public sealed class StatuteChangesTests
{
    [Theory]
    [InlineData("Gada bibliotēka", 2027, "gada-biblioteka-2027")]
    [InlineData("Gada bibliotēka 2027", 2027, "gada-biblioteka-2027")]
    [InlineData("Ļoti čakla ģimeņu bibliotēka!", 2028, "loti-cakla-gimenu-biblioteka-2028")]
    public void The_slug_is_made_from_the_title_and_year(string title, int year, string slug) =>
        Assert.Equal(slug, StatuteChanges.SlugFor(title, year));

    [Fact]
    public void Changing_the_number_of_rounds_rebuilds_the_schedule_and_keeps_the_dates_of_remaining_steps()
    {
        var opens = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var judging = opens.AddDays(40);
        var cycle = new CycleBuilder().WithCompleteStatute().OpeningAt(opens).JudgingFrom(judging).Build();

        StatuteChanges.SetRounds(cycle, [
            new RoundData(BallotKind.Score, CountingMethod.WeightedMean, 3, false),
            new RoundData(BallotKind.Ranked, CountingMethod.Schulze, null, true),
        ]);
        StatuteChanges.RenumberSchedule(cycle);

        var steps = cycle.Schedule.OrderBy(s => s.Sequence).ToList();
        Assert.Equal(PhasePlan.StepsFor(2), steps.Select(s => (s.Phase, s.RoundNumber)).ToList());
        Assert.Equal(Enumerable.Range(0, steps.Count), steps.Select(s => s.Sequence));
        Assert.Equal(opens, steps.Single(s => s.Phase == CyclePhase.NominationsOpen).StartsAt);
        Assert.Equal(judging, steps.Single(s => s is { Phase: CyclePhase.Judging, RoundNumber: 1 }).StartsAt);
        Assert.Null(steps.Single(s => s is { Phase: CyclePhase.Judging, RoundNumber: 2 }).StartsAt);
    }

    [Fact]
    public void A_copy_takes_the_whole_statute_but_no_dates()
    {
        var source = new CycleBuilder().WithRounds(2).WithCompleteStatute()
            .OpeningAt(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)).Build();
        source.Id = 7;
        source.TieBreakChain = [new TieBreakStep { Order = 1, Rule = TieBreakRule.HigherMeanOnCriterion, CriterionId = 1 }];
        source.EligibilityRules = [new EligibilityRule { Order = 1, Text = "Publiskā bibliotēka" }];
        source.WinRule.MinimumFirstPlaces = 3;

        var (copy, pending) = StatuteChanges.CopyStatute(source, "Gada bibliotēka", null, 2027, "gada-biblioteka-2027", DateTimeOffset.UnixEpoch);

        Assert.Equal(7, copy.CopiedFromCycleId);
        Assert.Equal(CyclePhase.Draft, copy.Phase);
        Assert.Equal(3, copy.Criteria[0].Levels.Count);
        Assert.Equal(0.3m, copy.Criteria[0].Weight);
        Assert.Equal(2, copy.Rounds.Count);
        Assert.Equal(3, copy.WinRule.MinimumFirstPlaces);
        Assert.Single(copy.EligibilityRules);
        Assert.All(copy.Schedule, s => Assert.Null(s.StartsAt));
        Assert.Same(copy.Criteria[0], Assert.Single(pending).Criterion);
    }
}
