using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Cycles;

/// <summary>
/// The whole statute in one request (the API's <c>PUT /api/admin/cycles/{id}/statute</c>): the general rules
/// (<see cref="StatuteGeneralInput"/>) with the categories, criteria, rounds, tie-break chain and win rule, in the shape
/// <c>GET /api/cycles/{slug}</c> answers with.
/// </summary>
public sealed class StatuteInput : StatuteGeneralInput
{
    public WinRuleInput? WinRule { get; set; }
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<CategoryInput> Categories { get; set; } = [];
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<CriterionInput> Criteria { get; set; } = [];
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<RoundInput> Rounds { get; set; } = [];
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<TieBreakInput> TieBreakChain { get; set; } = [];
}

/// <summary>
/// Saves every section of the statute at once, each applied by the same code as its own page's use case
/// (<see cref="SaveStatuteGeneral"/>, <see cref="SaveCategories"/>, <see cref="SaveCriteria"/>, <see cref="SaveRounds"/>),
/// checked as a whole and saved in one transaction with one audit entry.
/// </summary>
public sealed class SaveStatute(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome<AwardCycle>> RunAsync(int cycleId, StatuteInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        if (InputRules.Check(input).Concat(NestedInput.Check(input.WinRule, nameof(input.WinRule))).ToList() is { Count: > 0 } invalid)
            return Outcome<AwardCycle>.Refused(invalid);
        if (cycle.StatuteIsLocked)
            return StatuteEditor.Locked;

        var before = StatuteEditor.Snapshot(cycle);
        var refusals = SaveStatuteGeneral.Apply(cycle, input);
        SaveCategories.Apply(cycle, input.Categories);
        SaveCriteria.Apply(cycle, input.Criteria);
        var (roundRefusals, pending) = SaveRounds.Apply(cycle, input.Rounds, input.TieBreakChain, input.WinRule);
        refusals.AddRange(roundRefusals);
        // A step waiting for a new criterion's id is complete: it is linked in the same transaction.
        refusals.AddRange(StatuteRefusals.Of(StatuteRules.Validate(cycle)
            .Where(p => !(p.Kind == StatuteProblemKind.TieBreakCriterionMissing && pending.Any(x => x.Step.Order == p.Item))), "Statute"));
        if (refusals.Count > 0)
            return Outcome<AwardCycle>.Refused(refusals);

        var saved = await StatuteEditor.SaveAsync(db, audit, cycle, input.Version, StatuteEditor.StatuteChanged, before, pending, false, cancellationToken);
        return saved.Succeeded ? cycle : Outcome<AwardCycle>.Refused(saved.Refusals);
    }
}
