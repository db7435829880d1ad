using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using AwardVote.Application.Validation;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Cycles;

public sealed class SaveRoundsInput
{
    /// <summary>The cycle's version the form read.</summary>
    public Guid Version { get; set; }

    /// <summary>In order; rows marked <c>Remove</c> are not kept.</summary>
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<RoundInput> Rounds { get; set; } = [];

    /// <summary>In order; rows marked <c>Remove</c> are not kept.</summary>
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<TieBreakInput> TieBreakChain { get; set; } = [];

    public WinRuleInput? WinRule { get; set; }
}

public sealed class RoundInput
{
    [Display(Name = "Ballot")]
    [JsonConverter(typeof(JsonStringEnumConverter<BallotKind>))]
    public BallotKind Kind { get; set; }

    [Display(Name = "Counting method")]
    [JsonConverter(typeof(JsonStringEnumConverter<CountingMethod>))]
    public CountingMethod Method { get; set; }

    /// <summary>How many go on to the next round; the last round decides, and a number given for it is not kept.</summary>
    [Range(1, 1000, ErrorMessage = "Enter a whole number greater than zero, or leave it empty.")]
    [Display(Name = "Nominations going on to the next round")]
    public int? ShortlistSize { get; set; }

    [Display(Name = "Two nominations may share a rank")]
    public bool AllowEqualRanks { get; set; }

    [Display(Name = "Remove this round")]
    public bool Remove { get; set; }
}

/// <summary>A link of the tie-break chain; <c>Criterion</c> is the 1-based position in the statute's criteria.</summary>
public sealed class TieBreakInput
{
    [Display(Name = "Rule")]
    [JsonConverter(typeof(JsonStringEnumConverter<TieBreakRule>))]
    public TieBreakRule Rule { get; set; }

    [Display(Name = "Criterion")]
    public int? Criterion { get; set; }

    [Display(Name = "Remove this step")]
    public bool Remove { get; set; }
}

public sealed class WinRuleInput
{
    [Range(1, 1000, ErrorMessage = "Enter a whole number greater than zero, or leave it empty.")]
    [Display(Name = "Minimum first places")]
    public int? MinimumFirstPlaces { get; set; }

    [Display(Name = "Minimum lead (points)")]
    public decimal? MinimumLead { get; set; }
}

/// <summary>The administrator saves the rounds and their counting methods, the tie-break chain and the win rule.</summary>
public sealed class SaveRounds(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, SaveRoundsInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        if (InputRules.Check(input).Concat(NestedInput.Check(input.WinRule, nameof(input.WinRule))).ToList() is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (cycle.StatuteIsLocked)
            return StatuteEditor.Locked;
        var before = StatuteEditor.Snapshot(cycle);
        var (refusals, pending) = Apply(cycle, input.Rounds, input.TieBreakChain, input.WinRule);
        refusals.AddRange(StatuteRefusals.Of(StatuteRules.Validate(cycle), null, StatuteSection.Rounds, StatuteSection.TieBreak));
        if (refusals.Count > 0)
            return Outcome.Refused(refusals);
        return await StatuteEditor.SaveAsync(db, audit, cycle, input.Version, StatuteEditor.StatuteChanged, before, pending, false, cancellationToken);
    }

    /// <summary>
    /// Rounds, chain and win rule onto the cycle; the pending links are chain steps naming a criterion that is new in
    /// the same save (the whole statute), linked once it has its id.
    /// </summary>
    internal static (List<Refusal> Refusals, IReadOnlyList<(TieBreakStep Step, Criterion Criterion)> Pending) Apply(AwardCycle cycle,
        IEnumerable<RoundInput>? rounds, IEnumerable<TieBreakInput>? chain, WinRuleInput? winRule)
    {
        var refusals = new List<Refusal>();
        var kept = (rounds ?? []).Where(r => !r.Remove).ToList();
        var steps = (chain ?? []).Where(s => !s.Remove).ToList();
        foreach (var (round, i) in kept.Select((r, i) => (r, i)))
        {
            SaveStatuteGeneral.CheckDefined(round.Kind, $"Rounds[{i}].Kind", "Ballot", refusals);
            SaveStatuteGeneral.CheckDefined(round.Method, $"Rounds[{i}].Method", "Counting method", refusals);
        }
        foreach (var (step, i) in steps.Select((s, i) => (s, i)))
            SaveStatuteGeneral.CheckDefined(step.Rule, $"TieBreakChain[{i}].Rule", "Rule", refusals);
        StatuteChanges.SetRounds(cycle, kept
            .Select((r, i) => new RoundData(r.Kind, r.Method, i == kept.Count - 1 ? null : r.ShortlistSize, r.AllowEqualRanks))
            .ToList());
        var pending = StatuteChanges.SetTieBreakChain(cycle, steps.Select(s => new TieBreakData(s.Rule, s.Criterion)).ToList());
        cycle.WinRule.MinimumFirstPlaces = winRule?.MinimumFirstPlaces;
        cycle.WinRule.MinimumLead = winRule?.MinimumLead;
        return (refusals, pending);
    }
}
