using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Cycles;

public sealed class PhasePlanTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 10, 22, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_round_statute_goes_from_draft_through_judging_to_archive()
    {
        var phases = PhasePlan.StepsFor(1).Select(s => s.Phase);

        Assert.Equal(
            [CyclePhase.Draft, CyclePhase.NominationsOpen, CyclePhase.EligibilityReview, CyclePhase.Judging,
             CyclePhase.Counting, CyclePhase.ResultsReview, CyclePhase.Published, CyclePhase.Archived],
            phases);
    }

    [Fact]
    public void A_second_round_adds_a_shortlist_and_a_second_judging_round()
    {
        var steps = PhasePlan.StepsFor(2).ToList();

        Assert.Contains((CyclePhase.Shortlist, 1), steps);
        Assert.Equal((CyclePhase.Judging, 2), steps[steps.IndexOf((CyclePhase.Shortlist, 1)) + 1]);
        Assert.Equal(10, steps.Count);
    }

    [Fact]
    public void A_statute_without_rounds_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PhasePlan.StepsFor(0));

    [Fact]
    public void Nothing_is_due_before_the_next_deadline()
    {
        var cycle = new CycleBuilder().OpeningAt(Day0).Build();

        Assert.Null(PhasePlan.DueStep(cycle, Day0.AddSeconds(-1)));
    }

    [Fact]
    public void The_step_is_due_from_its_start_time()
    {
        var cycle = new CycleBuilder().OpeningAt(Day0).Build();

        var due = PhasePlan.DueStep(cycle, Day0);

        Assert.Equal(CyclePhase.NominationsOpen, due?.Phase);
    }

    [Fact]
    public void Several_passed_deadlines_are_caught_up_until_a_step_without_a_date()
    {
        var cycle = new CycleBuilder().OpeningAt(Day0).ClosingAt(Day0.AddDays(30)).JudgingFrom(Day0.AddDays(40)).Build();

        var due = PhasePlan.DueStep(cycle, Day0.AddDays(400));

        Assert.Equal((CyclePhase.Judging, 1), (due!.Phase, due.RoundNumber));
    }

    [Fact]
    public void Moving_into_nominations_locks_the_statute()
    {
        var cycle = new CycleBuilder().OpeningAt(Day0).Build();

        PhasePlan.MoveTo(cycle, PhasePlan.DueStep(cycle, Day0)!, Day0);

        Assert.Equal(CyclePhase.NominationsOpen, cycle.Phase);
        Assert.True(cycle.StatuteIsLocked);
        Assert.Equal(Day0, cycle.StatuteLockedAt);
    }

    [Fact]
    public void Moving_changes_the_concurrency_version()
    {
        var cycle = new CycleBuilder().OpeningAt(Day0).Build();
        var before = cycle.Version;

        PhasePlan.MoveTo(cycle, PhasePlan.DueStep(cycle, Day0)!, Day0);

        Assert.NotEqual(before, cycle.Version);
    }

    [Fact]
    public void Nominations_are_accepted_until_the_closing_deadline_and_not_after()
    {
        var closes = Day0.AddDays(30);
        var cycle = new CycleBuilder().OpeningAt(Day0).ClosingAt(closes).InPhase(CyclePhase.NominationsOpen).Build();

        Assert.True(PhasePlan.AcceptsNominations(cycle, closes.AddTicks(-1)));
        Assert.False(PhasePlan.AcceptsNominations(cycle, closes));
    }

    [Fact]
    public void A_draft_cycle_accepts_no_nominations()
    {
        var cycle = new CycleBuilder().OpeningAt(Day0).Build();

        Assert.False(PhasePlan.AcceptsNominations(cycle, Day0.AddDays(1)));
    }
}
