using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Cycles;

public sealed class StatuteRulesTests
{
    private static IEnumerable<StatuteProblemKind> Problems(AwardCycle cycle) => StatuteRules.Validate(cycle).Select(p => p.Kind);

    [Fact]
    public void A_complete_statute_has_no_problems() =>
        Assert.Empty(StatuteRules.Validate(new CycleBuilder().WithRounds(2).WithCompleteStatute().Build()));

    [Fact]
    public void An_empty_statute_needs_a_category_a_criterion_and_a_round()
    {
        var cycle = new CycleBuilder().Build();
        cycle.Rounds.Clear();

        Assert.Equal([StatuteProblemKind.NoCategory, StatuteProblemKind.NoCriterion, StatuteProblemKind.NoRound], Problems(cycle));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    public void A_weight_must_be_greater_than_zero(double weight)
    {
        var cycle = new CycleBuilder().WithCompleteStatute().Build();
        cycle.Criteria[0].Weight = (decimal)weight;

        Assert.Contains(new StatuteProblem(StatuteSection.Criteria, StatuteProblemKind.WeightNotPositive, 1), StatuteRules.Validate(cycle));
    }

    [Fact]
    public void The_lowest_score_must_be_below_the_highest()
    {
        var cycle = new CycleBuilder().WithCompleteStatute().Build();
        cycle.Criteria[0].ScaleMin = 3;

        Assert.Contains(StatuteProblemKind.ScaleMinNotBelowMax, Problems(cycle));
    }

    [Fact]
    public void Every_score_value_needs_a_label()
    {
        var cycle = new CycleBuilder().WithCompleteStatute().Build();
        cycle.Criteria[0].ScaleMax = 4;

        Assert.Contains(StatuteProblemKind.ScaleLabelMissing, Problems(cycle));
    }

    [Fact]
    public void The_last_round_has_no_shortlist_and_the_others_have_one()
    {
        var cycle = new CycleBuilder().WithRounds(2).WithCompleteStatute().Build();
        cycle.Rounds[0].ShortlistSize = null;
        cycle.Rounds[1].ShortlistSize = 3;

        Assert.Contains(new StatuteProblem(StatuteSection.Rounds, StatuteProblemKind.ShortlistMissing, 1), StatuteRules.Validate(cycle));
        Assert.Contains(new StatuteProblem(StatuteSection.Rounds, StatuteProblemKind.LastRoundHasShortlist, 2), StatuteRules.Validate(cycle));
    }

    [Theory]
    [InlineData(BallotKind.Score, CountingMethod.WeightedMean, true)]
    [InlineData(BallotKind.Score, CountingMethod.Schulze, false)]
    [InlineData(BallotKind.Ranked, CountingMethod.WeightedMean, false)]
    [InlineData(BallotKind.Ranked, CountingMethod.Borda, true)]
    [InlineData(BallotKind.Ranked, CountingMethod.InstantRunoff, true)]
    [InlineData(BallotKind.Ranked, CountingMethod.Plurality, true)]
    public void Counting_methods_fit_their_ballot_kind(BallotKind kind, CountingMethod method, bool fits) =>
        Assert.Equal(fits, StatuteRules.MethodFits(kind, method));

    [Fact]
    public void A_tie_break_on_a_criterion_names_a_criterion_of_the_statute()
    {
        var cycle = new CycleBuilder().WithCompleteStatute().Build();
        cycle.TieBreakChain = [new TieBreakStep { Order = 1, Rule = TieBreakRule.HigherMeanOnCriterion, CriterionId = 99 }];

        Assert.Contains(StatuteProblemKind.TieBreakCriterionMissing, Problems(cycle));
        cycle.TieBreakChain[0].CriterionId = 1;
        Assert.Empty(Problems(cycle));
    }

    [Fact]
    public void Dates_must_increase_along_the_schedule()
    {
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var cycle = new CycleBuilder().WithCompleteStatute().OpeningAt(day).ClosingAt(day.AddDays(30)).JudgingFrom(day.AddDays(20)).Build();

        Assert.Contains(StatuteProblemKind.DatesDoNotIncrease, Problems(cycle));
    }

    [Fact]
    public void Steps_without_a_date_do_not_break_the_order()
    {
        var day = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
        var cycle = new CycleBuilder().WithCompleteStatute().OpeningAt(day).JudgingFrom(day.AddDays(20)).Build();

        Assert.Empty(StatuteRules.ValidateSchedule(cycle.Schedule));
    }

    [Theory]
    [InlineData("7,1", true)]
    [InlineData("", true)]
    [InlineData("7;1", false)]
    [InlineData("0", false)]
    public void Reminder_days_are_whole_days_separated_by_commas(string text, bool valid) =>
        Assert.Equal(valid, StatuteRules.ParseReminderDays(text) is not null);

    [Fact]
    public void Opening_nominations_by_hand_needs_a_complete_statute()
    {
        var incomplete = new CycleBuilder().Build();
        var complete = new CycleBuilder().WithCompleteStatute().Build();

        Assert.Equal(ManualMoveRefusal.StatuteIncomplete, ManualMove.Target(incomplete, forward: true).Refusal);
        Assert.Equal(CyclePhase.NominationsOpen, ManualMove.Target(complete, forward: true).Target?.Phase);
        Assert.Equal(ManualMoveRefusal.NoSuchStep, ManualMove.Target(complete, forward: false).Refusal);
    }
}
