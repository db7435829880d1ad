using AwardVote.Domain.Cycles;

namespace AwardVote.Domain.Results;

/// <summary>
/// A repeat ballot, as the statute allows when a tie or an unmet win rule leaves the final undecided: one more round
/// of the same kind and method, judging only the tied nominations, from now until the given close, then counted and
/// reviewed like any round. The statute's own rounds are left as they were.
/// </summary>
public static class RepeatBallots
{
    public enum Problem { None, NotInReview, ClosesTooSoon, ClosesTooLate }

    public static Problem Check(AwardCycle cycle, DateTimeOffset closesAt, DateTimeOffset now) =>
        cycle.Phase != CyclePhase.ResultsReview ? Problem.NotInReview
        : closesAt < now.AddHours(1) ? Problem.ClosesTooSoon
        : closesAt > now.AddDays(366) ? Problem.ClosesTooLate
        : Problem.None;

    /// <summary>
    /// Adds the repeat round after <paramref name="repeated"/> and the schedule from its judging to its archiving
    /// (the repeated round's publication steps give way); returns the round and the judging step to move to.
    /// </summary>
    public static (Round Round, PhaseStep Judging) Add(AwardCycle cycle, Round repeated, DateTimeOffset closesAt, DateTimeOffset now)
    {
        var round = new Round
        {
            CycleId = cycle.Id,
            Number = cycle.Rounds.Max(r => r.Number) + 1,
            Kind = repeated.Kind,
            Method = repeated.Method,
            AllowEqualRanks = repeated.AllowEqualRanks,
            RepeatOfRoundId = repeated.Id,
        };
        cycle.Rounds.Add(round);
        cycle.Schedule.RemoveAll(s => s.RoundNumber == repeated.Number && s.Phase is CyclePhase.Published or CyclePhase.Archived);
        // New sequence numbers above every old one: the (cycle, sequence) key never sees two rows with one number.
        var sequence = cycle.Schedule.Max(s => s.Sequence);
        PhaseStep Step(CyclePhase phase, DateTimeOffset? startsAt)
        {
            var step = new PhaseStep { CycleId = cycle.Id, Sequence = ++sequence, Phase = phase, RoundNumber = round.Number, StartsAt = startsAt };
            cycle.Schedule.Add(step);
            return step;
        }
        var judging = Step(CyclePhase.Judging, now);
        Step(CyclePhase.Counting, closesAt);
        Step(CyclePhase.ResultsReview, null);
        Step(CyclePhase.Published, null);
        Step(CyclePhase.Archived, null);
        return (round, judging);
    }
}
