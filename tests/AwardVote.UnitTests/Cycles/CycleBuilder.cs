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

    /// <summary>Adds a complete statute (one category, one criterion with labels, its rounds) to the built cycle.</summary>
    public CycleBuilder WithCompleteStatute() { _complete = true; return this; }
    private bool _complete;

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
        var cycle = new AwardCycle
        {
            Title = "Gada bibliotēka",
            Slug = "gada-biblioteka",
            Phase = current.Phase,
            RoundNumber = current.RoundNumber,
            Schedule = schedule,
        };
        if (_complete)
        {
            cycle.Categories = [new Category { Id = 1, Order = 1, Name = "Gada bibliotēka" }];
            cycle.Criteria =
            [
                new Criterion
                {
                    Id = 1, Order = 1, Name = "Oriģināli projekti", Weight = 0.3m, ScaleMin = 1, ScaleMax = 3,
                    Levels = [new ScaleLevel { Value = 1, Label = "vājš" }, new ScaleLevel { Value = 2, Label = "labs" }, new ScaleLevel { Value = 3, Label = "izcils" }],
                },
            ];
            cycle.Rounds = Enumerable.Range(1, _rounds).Select(n => new Round
            {
                Number = n,
                Kind = n == 1 ? BallotKind.Score : BallotKind.Ranked,
                Method = n == 1 ? CountingMethod.WeightedMean : CountingMethod.Schulze,
                ShortlistSize = n == _rounds ? null : 5 - n,
            }).ToList();
        }
        return cycle;
    }
}
