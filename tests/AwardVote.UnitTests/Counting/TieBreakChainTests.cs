using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Counting;

public sealed class TieBreakChainTests
{
    // Borda: A 2×2 = 4, B 2×1 + 1×2 = 4, C 1 → A and B tie on points; A has 2 first preferences, B 1.
    private const string BordaTie = "A > B > C * 2\nB > C > A\n";

    [Fact]
    public void The_chain_is_applied_in_order_and_each_application_is_recorded()
    {
        var protocol = RankedCounter.Count(BallotFileParser.Parse(BordaTie), RankedMethod.Borda, new RankedCountOptions
        {
            TieBreakChain = [new TieBreakLink(TieBreakRule.HigherMeanOnCriterion, "quality"), new TieBreakLink(TieBreakRule.MoreFirstPreferences)],
        });

        Assert.Equal([new Placement(1, "A"), new Placement(2, "B"), new Placement(3, "C")], protocol.Order);
        Assert.Equal(CountOutcome.Decided, protocol.Outcome);
        Assert.Collection(protocol.TieBreaks,
            notApplicable =>
            {
                Assert.Equal(TieBreakRule.HigherMeanOnCriterion, notApplicable.Rule);
                Assert.Contains("does not apply", notApplicable.Why);
            },
            separated =>
            {
                Assert.Equal(TieBreakRule.MoreFirstPreferences, separated.Rule);
                Assert.Equal(["A", "B"], separated.Tied);
                Assert.Equal([["A"], ["B"]], separated.Result.Select(g => g.ToArray()));
                Assert.Equal("separated: A 2, B 1", separated.Why);
            });
    }

    [Fact]
    public void A_tie_the_chain_cannot_break_needs_the_chairs_casting_vote()
    {
        var protocol = RankedCounter.Count(BallotFileParser.Parse("A > B\nB > A\n"), RankedMethod.Schulze, new RankedCountOptions
        {
            TieBreakChain = [new TieBreakLink(TieBreakRule.MoreFirstPreferences), new TieBreakLink(TieBreakRule.ChairCastingVote)],
        });

        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.Contains("chair's casting vote", protocol.OutcomeReason);
        Assert.Equal(["did not separate: A 1, B 1", "unbroken tie: needs the chair's casting vote"], protocol.TieBreaks.Select(t => t.Why));
    }

    [Fact]
    public void A_repeat_ballot_link_reports_the_tie_as_needing_a_repeat_ballot()
    {
        var protocol = RankedCounter.Count(BallotFileParser.Parse("A = B\n"), RankedMethod.Plurality,
            new RankedCountOptions { TieBreakChain = [new TieBreakLink(TieBreakRule.RepeatBallot)] });

        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.Contains("repeat ballot", protocol.OutcomeReason);
    }

    [Fact]
    public void Without_a_chain_a_tie_is_reported_not_broken()
    {
        var protocol = RankedCounter.Count(BallotFileParser.Parse(BordaTie), RankedMethod.Borda);

        Assert.Equal([new Placement(1, "A"), new Placement(1, "B"), new Placement(3, "C")], protocol.Order);
        Assert.Equal(CountOutcome.UnbrokenTie, protocol.Outcome);
        Assert.Contains("no tie-break chain", protocol.OutcomeReason);
    }
}
