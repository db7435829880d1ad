using AwardVote.Domain.Cycles;
using AwardVote.Domain.PeoplesChoice;

namespace AwardVote.UnitTests.PeoplesChoice;

public sealed class PeoplesChoiceRulesTests
{
    private static readonly DateTimeOffset Opens = new(2031, 9, 1, 7, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Closes = new(2031, 9, 15, 21, 0, 0, TimeSpan.Zero);

    private static PeoplesChoiceSettings Settings(bool live = false) => new() { Enabled = true, OpensAt = Opens, ClosesAt = Closes, LiveCount = live };

    [Fact]
    public void The_vote_is_open_from_its_opening_up_to_but_not_at_its_close()
    {
        Assert.Equal(VoteState.NotYetOpen, PeoplesChoiceRules.State(Settings(), CyclePhase.Judging, Opens.AddTicks(-1)));
        Assert.Equal(VoteState.Open, PeoplesChoiceRules.State(Settings(), CyclePhase.Judging, Opens));
        Assert.Equal(VoteState.Open, PeoplesChoiceRules.State(Settings(), CyclePhase.Judging, Closes.AddTicks(-1)));
        Assert.Equal(VoteState.Closed, PeoplesChoiceRules.State(Settings(), CyclePhase.Judging, Closes));
    }

    [Fact]
    public void A_draft_a_vote_switched_off_or_one_without_dates_never_opens()
    {
        var during = Opens.AddDays(1);
        Assert.Equal(VoteState.None, PeoplesChoiceRules.State(Settings(), CyclePhase.Draft, during));
        Assert.Equal(VoteState.None, PeoplesChoiceRules.State(new PeoplesChoiceSettings { OpensAt = Opens, ClosesAt = Closes }, CyclePhase.Judging, during));
        Assert.Equal(VoteState.None, PeoplesChoiceRules.State(new PeoplesChoiceSettings { Enabled = true, OpensAt = Opens }, CyclePhase.Judging, during));
    }

    [Theory]
    [InlineData(false, CyclePhase.Judging, "during", false)]
    [InlineData(false, CyclePhase.Published, "during", false)]
    [InlineData(false, CyclePhase.Counting, "after", false)]
    [InlineData(false, CyclePhase.ResultsReview, "after", false)]
    [InlineData(false, CyclePhase.Published, "after", true)]
    [InlineData(false, CyclePhase.Archived, "after", true)]
    [InlineData(true, CyclePhase.Judging, "before", false)]
    [InlineData(true, CyclePhase.Judging, "during", true)]
    [InlineData(true, CyclePhase.Counting, "after", true)]
    public void Counts_are_public_only_as_the_statute_says(bool liveCount, CyclePhase phase, string when, bool expected)
    {
        var now = when switch { "before" => Opens.AddDays(-1), "during" => Opens.AddDays(1), _ => Closes.AddDays(1) };
        Assert.Equal(expected, PeoplesChoiceRules.CountsArePublic(Settings(liveCount), phase, now));
    }

    [Fact]
    public void Only_a_closed_vote_is_counted() =>
        Assert.Equal([false, false, true], new[] { Opens.AddDays(-1), Opens.AddDays(1), Closes }
            .Select(now => PeoplesChoiceRules.CanBeCounted(Settings(true), CyclePhase.Judging, now)));

    [Fact]
    public void One_vote_per_category_or_per_cycle_is_a_key_of_its_own()
    {
        Assert.Equal("category:7", PeoplesChoiceRules.AllowanceKey(VoteAllowance.OnePerCategory, 7));
        Assert.Equal("cycle", PeoplesChoiceRules.AllowanceKey(VoteAllowance.OnePerCycle, 7));
    }

    [Fact]
    public void A_vote_switched_on_needs_both_dates_in_order()
    {
        var cycle = new AwardCycle { Title = "T", Slug = "t", PeoplesChoice = new PeoplesChoiceSettings { Enabled = true, OpensAt = Opens } };
        Assert.Contains(StatuteProblemKind.PeoplesChoiceDatesMissing, StatuteRules.Validate(cycle).Select(p => p.Kind));
        cycle.PeoplesChoice.ClosesAt = Opens;
        var problems = StatuteRules.Validate(cycle).Select(p => p.Kind).ToList();
        Assert.DoesNotContain(StatuteProblemKind.PeoplesChoiceDatesMissing, problems);
        Assert.Contains(StatuteProblemKind.PeoplesChoiceDatesOutOfOrder, problems);
    }
}
