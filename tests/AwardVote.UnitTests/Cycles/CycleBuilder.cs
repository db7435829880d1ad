using AwardVote.Domain.Cycles;

namespace AwardVote.UnitTests.Cycles;

/// <summary>Builds a cycle with its schedule; set only the dates a test is about.</summary>
public sealed class CycleBuilder
{
    private readonly Dictionary<(CyclePhase, int), DateTimeOffset> _starts = [];
    private CyclePhase _phase = CyclePhase.Draft;
    private int _rounds = 1;

    public CycleBuilder OpeningAt(DateTimeOffset at) => Starts(CyclePhase.NominationsOpen, 0, at);
    public CycleBuilder ClosingAt(DateTimeOffset at) => Starts(CyclePhase.EligibilityReview, 0, at);
    public CycleBuilder JudgingFrom(DateTimeOffset at, int round = 1) => Starts(CyclePhase.Judging, round, at);
    public CycleBuilder WithRounds(int rounds) { _rounds = rounds; return this; }
    public CycleBuilder InPhase(CyclePhase phase) { _phase = phase; return this; }

    private CycleBuilder Starts(CyclePhase phase, int round, DateTimeOffset at)
    {
        _starts[(phase, round)] = at;
        return this;
    }

    public AwardCycle Build()
    {
        var schedule = PhasePlan.NewSchedule(_rounds);
        foreach (var step in schedule)
            step.StartsAt = _starts.TryGetValue((step.Phase, step.RoundNumber), out var at) ? at : null;
        var current = schedule.First(s => s.Phase == _phase);
        return new AwardCycle
        {
            Title = "Gada bibliotēka",
            Slug = "gada-biblioteka",
            Phase = current.Phase,
            RoundNumber = current.RoundNumber,
            Schedule = schedule,
        };
    }
}
