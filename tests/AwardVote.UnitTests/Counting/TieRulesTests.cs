using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;

namespace AwardVote.UnitTests.Counting;

public sealed class TieRulesTests
{
    private static CountProtocol Tie(params TieBreakLink[] chain) =>
        RankedCounter.Count(BallotFileParser.Parse("A > B\nB > A\n", allowEqualRanks: false), RankedMethod.Schulze,
            new RankedCountOptions { TieBreakChain = chain });

    [Fact]
    public void A_tie_the_chain_leaves_to_the_chair_waits_for_the_casting_vote_and_then_has_the_chosen_winner()
    {
        var protocol = Tie(new TieBreakLink(TieBreakRule.ChairCastingVote), new TieBreakLink(TieBreakRule.RepeatBallot));

        Assert.Equal(TieNeed.CastingVote, TieRules.Need(protocol));
        Assert.Equal(["A", "B"], TieRules.TiedForFirst(protocol));
        Assert.Null(TieRules.Winner(protocol, null));
        Assert.Equal("B", TieRules.Winner(protocol, Vote("B")));
        // A name that was not tied is never a winner, whatever was stored.
        Assert.Null(TieRules.Winner(protocol, Vote("C")));
    }

    [Fact]
    public void A_tie_the_chain_sends_to_a_repeat_ballot_takes_no_casting_vote()
    {
        var protocol = Tie(new TieBreakLink(TieBreakRule.RepeatBallot), new TieBreakLink(TieBreakRule.ChairCastingVote));

        Assert.Equal(TieNeed.RepeatBallot, TieRules.Need(protocol));
        Assert.False(TieRules.AcceptsCastingVote(protocol));
        Assert.Null(TieRules.Winner(protocol, Vote("A")));
    }

    [Fact]
    public void A_statute_without_a_chain_leaves_the_choice_to_the_association()
    {
        Assert.Equal(TieNeed.CastingVoteOrRepeatBallot, TieRules.Need(Tie()));
    }

    [Fact]
    public void A_decided_count_needs_nothing_and_its_winner_is_first_place()
    {
        var protocol = RankedCounter.Count(BallotFileParser.Parse("A > B\nA > B\nB > A\n", allowEqualRanks: false), RankedMethod.Schulze, new RankedCountOptions());

        Assert.Equal(TieNeed.Nothing, TieRules.Need(protocol));
        Assert.Equal("A", TieRules.Winner(protocol, Vote("B")));
    }

    private static CastingVote Vote(string name) => new() { ChosenName = name, ChairUserId = "chair", Reason = "r" };
}
