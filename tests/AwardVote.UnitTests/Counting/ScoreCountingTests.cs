using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Counting;

public sealed class ScoreCountingTests
{
    private static ScoreLine Score(string juror, string nomination, decimal? score, string criterion = "quality") =>
        new(juror, nomination, criterion, score);

    [Fact]
    public void The_mean_leaves_out_abstaining_and_recused_jurors()
    {
        ScoreLine[] entries =
        [
            Score("J1", "X", 8), Score("J2", "X", null), Score("J3", "X", 6),
            Score("J1", "Y", 7), Score("J2", "Y", 7), Score("J3", "Y", 7),
        ];

        var protocol = ScoreCounter.Count(entries);

        var x = protocol.Score!.Nominations.Single(n => n.Name == "X");
        Assert.Equal(7m, x.Mean); // (8 + 6) / 2, not (8 + 0 + 6) / 3
        Assert.Equal(2, x.Jurors);
        Assert.Equal(7m, x.Median);
        Assert.Equal([new Placement(1, "X"), new Placement(1, "Y")], protocol.Order);
    }

    [Fact]
    public void Criteria_are_weighted_per_juror_before_the_mean_over_jurors()
    {
        ScoreLine[] entries =
        [
            Score("J1", "X", 10, "quality"), Score("J1", "X", 4, "reach"),
            Score("J2", "X", 6, "quality"), Score("J2", "X", 6, "reach"),
        ];

        var protocol = ScoreCounter.Count(entries, new ScoreCountOptions { Weights = new Dictionary<string, decimal> { ["quality"] = 2 } });

        // J1: (2×10 + 4) / 3 = 8; J2: 6 → mean 7.
        Assert.Equal(7m, protocol.Score!.Nominations.Single().Mean);
    }

    [Fact]
    public void A_juror_who_gives_everyone_the_same_score_adds_nothing_to_the_normalised_ranking()
    {
        ScoreLine[] entries = [Score("J1", "X", 5), Score("J1", "Y", 5), Score("J2", "X", 9), Score("J2", "Y", 1)];

        var nominations = ScoreCounter.Count(entries).Score!.Nominations.ToDictionary(n => n.Name);

        // J1: sd 0 → z 0 for both; J2: mean 5, sd 4 → X +1, Y −1; averaged over the two jurors.
        Assert.Equal(0.5m, nominations["X"].Normalised);
        Assert.Equal(-0.5m, nominations["Y"].Normalised);
    }

    [Fact]
    public void A_tie_at_the_shortlist_cut_is_reported_not_broken()
    {
        ScoreLine[] entries = [Score("J1", "X", 9), Score("J1", "Y", 7), Score("J1", "Z", 7)];

        var protocol = ScoreCounter.Count(entries, new ScoreCountOptions { ShortlistSize = 2 });

        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.Contains("shortlist cut", protocol.OutcomeReason);
        Assert.Contains("Y, Z", protocol.OutcomeReason);
        Assert.Equal(["X"], protocol.Score!.Shortlist);
    }

    [Fact]
    public void The_tie_break_chain_can_settle_the_shortlist_cut_with_a_criterion_mean()
    {
        ScoreLine[] entries =
        [
            Score("J1", "X", 9, "quality"), Score("J1", "X", 9, "reach"),
            Score("J1", "Y", 8, "quality"), Score("J1", "Y", 6, "reach"),
            Score("J1", "Z", 6, "quality"), Score("J1", "Z", 8, "reach"),
        ];

        var protocol = ScoreCounter.Count(entries, new ScoreCountOptions
        {
            ShortlistSize = 2,
            TieBreakChain = [new TieBreakLink(TieBreakRule.HigherMeanOnCriterion, "quality")],
        });

        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
        Assert.Equal(["X", "Y"], protocol.Score!.Shortlist);
        var application = Assert.Single(protocol.TieBreaks);
        Assert.Equal("separated: Y 8, Z 6", application.Why);
    }

    [Fact]
    public void The_sensitivity_line_shows_when_the_median_would_pick_another_winner()
    {
        ScoreLine[] entries =
        [
            Score("J1", "X", 10), Score("J2", "X", 10), Score("J3", "X", 1),
            Score("J1", "Y", 8), Score("J2", "Y", 8), Score("J3", "Y", 8),
        ];

        var protocol = ScoreCounter.Count(entries, new ScoreCountOptions { ShortlistSize = 1 });

        var sensitivity = protocol.Score!.Sensitivity;
        Assert.Equal(["Y"], sensitivity.Measures.Single(m => m.Measure == "mean").Winners);
        Assert.Equal(["X"], sensitivity.Measures.Single(m => m.Measure == "median").Winners);
        Assert.True(sensitivity.WinnerChanges);
        Assert.True(sensitivity.ShortlistChanges);
        Assert.Contains("CHANGES", sensitivity.Summary);
    }

    [Fact]
    public void The_score_file_reads_abstentions_and_reports_bad_lines_with_their_number()
    {
        var entries = ScoreBallotFile.Parse("juror,nomination,criterion,score\nJ1,X,quality,8\nJ2,X,quality,abstain\nJ3,X,quality,\n");
        Assert.Equal([8m, null, null], entries.Select(e => e.Score));

        var exception = Assert.Throws<BallotFormatException>(() => ScoreBallotFile.Parse("J1,X,quality,8\nJ1,X,quality,eight\n"));
        Assert.Equal(2, exception.LineNumber);
        Assert.Contains("bad score 'eight'", exception.Problem);
    }

    [Fact]
    public void The_score_count_does_not_depend_on_the_order_of_the_lines()
    {
        ScoreLine[] entries =
        [
            Score("J1", "X", 9), Score("J2", "X", 3), Score("J3", "X", 6),
            Score("J1", "Y", 2), Score("J2", "Y", 8), Score("J3", "Y", null),
        ];

        Assert.Equal(ScoreCounter.Count(entries).ToJson(), ScoreCounter.Count(entries.Reverse().ToArray()).ToJson());
    }
}
