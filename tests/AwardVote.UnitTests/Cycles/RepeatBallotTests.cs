using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Results;

namespace AwardVote.UnitTests.Cycles;

public sealed class RepeatBallotTests
{
    private static readonly DateTimeOffset Now = new(2027, 3, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_repeat_ballot_adds_a_round_like_the_repeated_one_and_a_schedule_from_its_judging_to_publication()
    {
        var cycle = new AwardCycle { Id = 7, Title = "T", Slug = "t", Phase = CyclePhase.ResultsReview, RoundNumber = 2 };
        cycle.Rounds.Add(new Round { Id = 1, Number = 1, Kind = BallotKind.Score, ShortlistSize = 3 });
        var final = new Round { Id = 2, Number = 2, Kind = BallotKind.Ranked, Method = CountingMethod.Borda, AllowEqualRanks = true };
        cycle.Rounds.Add(final);
        cycle.Schedule = PhasePlan.NewSchedule(2);
        var closes = Now.AddDays(7);

        var (round, judging) = RepeatBallots.Add(cycle, final, closes, Now);
        PhasePlan.MoveTo(cycle, judging, Now);

        Assert.Equal((3, BallotKind.Ranked, CountingMethod.Borda, true, (int?)2), (round.Number, round.Kind, round.Method, round.AllowEqualRanks, round.RepeatOfRoundId));
        Assert.Equal((CyclePhase.Judging, 3), (cycle.Phase, cycle.RoundNumber));
        Assert.Equal(closes, JudgingRules.RoundClosesAt(cycle, 3));
        Assert.True(JudgingRules.AcceptsBallots(cycle, 3, Now));
        Assert.True(JudgingRules.RoundIsClosed(cycle, 2, Now));
        Assert.DoesNotContain(cycle.Schedule, s => s.RoundNumber == 2 && s.Phase >= CyclePhase.Published);
        Assert.Equal(cycle.Schedule.Count, cycle.Schedule.Select(s => s.Sequence).Distinct().Count());
        // The clock closes it: at the close the cycle is due for counting.
        Assert.Equal((CyclePhase.Counting, 3), PhasePlan.DueStep(cycle, closes) is { } due ? (due.Phase, due.RoundNumber) : default);
        Assert.Equal(CyclePhase.ResultsReview, PhasePlan.NextStep(new AwardCycle { Title = "", Slug = "", Phase = CyclePhase.Counting, RoundNumber = 3, Schedule = cycle.Schedule })!.Phase);
    }

    [Theory]
    [InlineData(CyclePhase.Judging, 24, RepeatBallots.Problem.NotInReview)]
    [InlineData(CyclePhase.ResultsReview, 0, RepeatBallots.Problem.ClosesTooSoon)]
    [InlineData(CyclePhase.ResultsReview, 24 * 400, RepeatBallots.Problem.ClosesTooLate)]
    [InlineData(CyclePhase.ResultsReview, 48, RepeatBallots.Problem.None)]
    public void A_repeat_ballot_is_opened_in_review_with_a_close_ahead(CyclePhase phase, int hoursAhead, RepeatBallots.Problem expected)
    {
        var cycle = new AwardCycle { Title = "T", Slug = "t", Phase = phase };
        Assert.Equal(expected, RepeatBallots.Check(cycle, Now.AddHours(hoursAhead), Now));
    }
}
