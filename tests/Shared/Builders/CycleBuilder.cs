using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Tests;

/// <summary>
/// A cycle of the tests' own with its statute (categories, criteria, rounds, eligibility rules) and schedule, in any
/// phase. Unless told otherwise: a draft "Pārbaudes cikls" of this year with a unique slug, one category "Gada
/// bibliotēka" (in English "Library of the Year"), one criterion "Pakalpojumi" scored 1–5, one scored round counted
/// by weighted mean, no eligibility rules and a schedule without dates. Once nominations are open, the statute is
/// locked when the schedule says they opened (or now). Each <see cref="Build"/> makes new entities.
/// </summary>
public sealed class CycleBuilder
{
    private readonly List<Func<Category>> _categories = [];
    private readonly List<Func<Criterion>> _criteria = [];
    private readonly List<Func<int, Round>> _rounds = [];
    private readonly List<Func<EligibilityRule>> _rules = [];
    private readonly List<(CyclePhase Phase, int? Round, DateTimeOffset At)> _starts = [];
    private readonly List<Action<AwardCycle>> _changes = [];
    private string _title = "Pārbaudes cikls";
    private string? _titleEn;
    private string? _slug;
    private int? _year;
    private CyclePhase _phase = CyclePhase.Draft;
    private int? _roundNumber;
    private DateTimeOffset? _lockedAt;
    private bool _withoutCriteria;

    /// <summary>The moment the builder's relative dates count from.</summary>
    public DateTimeOffset Now { get; } = DateTimeOffset.UtcNow;

    public CycleBuilder Titled(string title, string? english = null)
    {
        (_title, _titleEn) = (title, english);
        return this;
    }

    /// <summary>The slug <paramref name="prefix"/>-(unique hex), cut to <paramref name="length"/>.</summary>
    public CycleBuilder Slug(string prefix, int length = 100)
    {
        _slug = Unique.Slug(prefix, length);
        return this;
    }

    public CycleBuilder Year(int year)
    {
        _year = year;
        return this;
    }

    /// <summary>The phase the cycle stands in; the round is the schedule's for that phase unless given.</summary>
    public CycleBuilder InPhase(CyclePhase phase, int? round = null)
    {
        (_phase, _roundNumber) = (phase, round);
        return this;
    }

    public CycleBuilder StatuteLockedAt(DateTimeOffset at)
    {
        _lockedAt = at;
        return this;
    }

    // The statute.

    public CycleBuilder WithCategory(string name, string? english = null)
    {
        var order = _categories.Count + 1;
        _categories.Add(() => new Category { Order = order, Name = name, NameEn = english });
        return this;
    }

    /// <summary>A criterion; <paramref name="levels"/> label the scores from <paramref name="min"/> up.</summary>
    public CycleBuilder WithCriterion(string name, decimal weight = 1m, int min = 1, int max = 5, string? english = null, string[]? levels = null)
    {
        levels ??= [];
        var order = _criteria.Count + 1;
        _criteria.Add(() => new Criterion
        {
            Order = order, Name = name, NameEn = english, Weight = weight, ScaleMin = min, ScaleMax = max,
            Levels = levels.Select((label, i) => new ScaleLevel { Value = min + i, Label = label }).ToList(),
        });
        return this;
    }

    /// <summary>A statute with no criteria at all (a cycle that is never judged).</summary>
    public CycleBuilder WithoutCriteria()
    {
        _withoutCriteria = true;
        return this;
    }

    /// <summary>A scored round; with <paramref name="shortlist"/>, that many go on to the next round.</summary>
    public CycleBuilder WithScoreRound(int? shortlist = null, CountingMethod method = CountingMethod.WeightedMean) =>
        WithRound(BallotKind.Score, method, shortlist);

    public CycleBuilder WithRankedRound(CountingMethod method = CountingMethod.Schulze, int? shortlist = null, bool allowEqualRanks = false) =>
        WithRound(BallotKind.Ranked, method, shortlist, allowEqualRanks);

    private CycleBuilder WithRound(BallotKind kind, CountingMethod method, int? shortlist, bool allowEqualRanks = false)
    {
        _rounds.Add(number => new Round { Number = number, Kind = kind, Method = method, ShortlistSize = shortlist, AllowEqualRanks = allowEqualRanks });
        return this;
    }

    public CycleBuilder WithEligibilityRule(string text, string? english = null)
    {
        var order = _rules.Count + 1;
        _rules.Add(() => new EligibilityRule { Order = order, Text = text, TextEn = english });
        return this;
    }

    // The schedule.

    /// <summary>
    /// When the step of <paramref name="phase"/> starts; <paramref name="round"/> picks among judging rounds and
    /// shortlists (the first one unless given).
    /// </summary>
    public CycleBuilder Starts(CyclePhase phase, DateTimeOffset at, int? round = null)
    {
        _starts.Add((phase, round, at));
        return this;
    }

    /// <summary>Start days of the main steps, counted from <see cref="Now"/> (negative: already started).</summary>
    public CycleBuilder Timeline(int? open = null, int? review = null, int? judging = null, int? counting = null)
    {
        if (open is { } o) Starts(CyclePhase.NominationsOpen, Now.AddDays(o));
        if (review is { } r) Starts(CyclePhase.EligibilityReview, Now.AddDays(r));
        if (judging is { } j) Starts(CyclePhase.Judging, Now.AddDays(j));
        if (counting is { } c) Starts(CyclePhase.Counting, Now.AddDays(c));
        return this;
    }

    // Everything else a statute says.

    public CycleBuilder NomineesPublic(bool afterNominationsClose = true) =>
        With(cycle => cycle.NomineesPublicAfterNominationsClose = afterNominationsClose);

    public CycleBuilder RegionIsConflict(bool isConflict = true) => With(cycle => cycle.RegionIsConflict = isConflict);

    /// <summary>A people's-choice vote, open to any confirmed e-mail, one vote per category, unless changed.</summary>
    public CycleBuilder WithPeoplesChoice(DateTimeOffset opensAt, DateTimeOffset closesAt, Action<PeoplesChoiceSettings>? configure = null) =>
        With(cycle =>
        {
            cycle.PeoplesChoice = new PeoplesChoiceSettings
            {
                Enabled = true, Eligibility = VoterEligibility.AnyConfirmedEmail, Allowance = VoteAllowance.OnePerCategory,
                OpensAt = opensAt, ClosesAt = closesAt,
            };
            configure?.Invoke(cycle.PeoplesChoice);
        });

    /// <summary>Any other change, made last.</summary>
    public CycleBuilder With(Action<AwardCycle> change)
    {
        _changes.Add(change);
        return this;
    }

    public AwardCycle Build()
    {
        List<Func<int, Round>> rounds = _rounds.Count > 0 ? _rounds : [number => new Round { Number = number, Kind = BallotKind.Score, Method = CountingMethod.WeightedMean }];
        var schedule = PhasePlan.NewSchedule(rounds.Count);
        foreach (var (phase, round, at) in _starts)
        {
            var steps = schedule.Where(s => s.Phase == phase).ToList();
            var step = round is { } number ? steps.Single(s => s.RoundNumber == number) : steps.First();
            step.StartsAt = at;
        }
        var cycle = new AwardCycle
        {
            Title = _title,
            TitleEn = _titleEn,
            Slug = _slug ?? Unique.Slug("cycle"),
            Year = _year ?? Now.Year,
            Phase = _phase,
            RoundNumber = _roundNumber ?? schedule.First(s => s.Phase == _phase).RoundNumber,
            Categories = _categories.Count > 0
                ? _categories.Select(category => category()).ToList()
                : [new Category { Order = 1, Name = "Gada bibliotēka", NameEn = "Library of the Year" }],
            Criteria = _withoutCriteria ? []
                : _criteria.Count > 0 ? _criteria.Select(criterion => criterion()).ToList()
                : [new Criterion { Order = 1, Name = "Pakalpojumi", Weight = 1m, ScaleMin = 1, ScaleMax = 5 }],
            Rounds = rounds.Select((round, i) => round(i + 1)).ToList(),
            EligibilityRules = _rules.Select(rule => rule()).ToList(),
            Schedule = schedule,
        };
        if (_phase >= CyclePhase.NominationsOpen)
            cycle.StatuteLockedAt = _lockedAt ?? schedule.Single(s => s.Phase == CyclePhase.NominationsOpen).StartsAt ?? Now;
        else
            cycle.StatuteLockedAt = _lockedAt;
        foreach (var change in _changes)
            change(cycle);
        return cycle;
    }

    public async Task<AwardCycle> SaveAsync(AppDbContext db)
    {
        var cycle = Build();
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync();
        return cycle;
    }

    public Task<AwardCycle> CreateAsync(AwardVoteApp app) => app.QueryAsync(SaveAsync);
}
