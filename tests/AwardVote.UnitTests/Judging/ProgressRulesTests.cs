using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;

namespace AwardVote.UnitTests.Judging;

public sealed class ProgressRulesTests
{
    private static readonly Criterion[] Criteria =
    [
        new() { Id = 1, Name = "Ietekme", Weight = 3m },
        new() { Id = 2, Name = "Pieejamība", Weight = 1m },
    ];

    private static ScoreBallot Ballot(int? first, int? second, bool abstained = false) => new()
    {
        JurorUserId = "j",
        Abstained = abstained,
        Scores = [new() { CriterionId = 1, Score = first }, new() { CriterionId = 2, Score = second }],
    };

    [Fact]
    public void The_weighted_mean_uses_the_statutes_weights() =>
        Assert.Equal(4.5m, ProgressRules.WeightedMean(Ballot(5, 3), Criteria));

    [Fact]
    public void An_unscored_criterion_is_left_out_of_the_mean_and_an_abstention_has_none()
    {
        Assert.Equal(2m, ProgressRules.WeightedMean(Ballot(null, 2), Criteria));
        Assert.Null(ProgressRules.WeightedMean(Ballot(5, 5, abstained: true), Criteria));
    }

    [Fact]
    public void Mean_and_population_standard_deviation()
    {
        var (mean, deviation) = ProgressRules.MeanAndDeviation([2m, 4m, 4m, 4m, 5m, 5m, 7m, 9m])!.Value;

        Assert.Equal(5m, mean);
        Assert.Equal(2m, decimal.Round(deviation, 6));
        Assert.Null(ProgressRules.MeanAndDeviation([]));
    }

    [Fact]
    public void A_ranked_ballot_is_complete_when_it_ranks_every_rankable_nomination()
    {
        var ballot = new RankedBallot { JurorUserId = "j", Ranks = [new() { NominationId = 1, Rank = 1 }, new() { NominationId = 2, Rank = 2 }] };

        Assert.True(ProgressRules.IsComplete(ballot, [1, 2]));
        Assert.False(ProgressRules.IsComplete(ballot, [1, 2, 3]));
    }

    private static readonly DateTimeOffset Close = new(2026, 5, 20, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_reminder_before_the_first_reminder_day() =>
        Assert.Null(ProgressRules.DueReminder("7,1", Close, Close.AddDays(-7).AddMinutes(-1)));

    [Fact]
    public void The_latest_reminder_day_that_has_come_is_due()
    {
        Assert.Equal(7, ProgressRules.DueReminder("7,1", Close, Close.AddDays(-7)));
        Assert.Equal(7, ProgressRules.DueReminder("7,1", Close, Close.AddDays(-2)));
        Assert.Equal(1, ProgressRules.DueReminder(" 1 ; 7 ", Close, Close.AddHours(-5)));
    }

    [Fact]
    public void Nothing_is_due_once_the_round_closed_or_without_valid_days()
    {
        Assert.Null(ProgressRules.DueReminder("7,1", Close, Close));
        Assert.Null(ProgressRules.DueReminder("soon,-1,0", Close, Close.AddHours(-1)));
    }
}
