using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Cycles;

public sealed class SaveCriteriaInput
{
    /// <summary>The cycle's version the form read.</summary>
    public Guid Version { get; set; }

    /// <summary>In the statute's order; rows marked <c>Remove</c>, and new rows left without a name, are not kept.</summary>
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<CriterionInput> Criteria { get; set; } = [];
}

/// <summary>A scoring criterion: <c>Id</c> 0 for a new one; a label for every score from the lowest to the highest.</summary>
public sealed class CriterionInput
{
    public int Id { get; set; }

    [StringLength(300, ErrorMessage = "The name is too long.")]
    [Display(Name = "Name (Latvian)")]
    public string? Name { get; set; }

    [StringLength(300, ErrorMessage = "The name is too long.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    [StringLength(4000, ErrorMessage = "The description is too long.")]
    [Display(Name = "Description (Latvian)")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "The description is too long.")]
    [Display(Name = "Description (English)")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Weight")]
    public decimal Weight { get; set; } = 1;

    [Range(0, 100, ErrorMessage = "Scores run from 0 to 100 at most.")]
    [Display(Name = "Lowest score")]
    public int ScaleMin { get; set; } = 1;

    [Range(0, 100, ErrorMessage = "Scores run from 0 to 100 at most.")]
    [Display(Name = "Highest score")]
    public int ScaleMax { get; set; } = 5;

    [Display(Name = "Optional (jurors may leave it empty)")]
    public bool IsOptional { get; set; }

    [Display(Name = "Remove this criterion")]
    public bool Remove { get; set; }

    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<ScaleLabelInput> Labels { get; set; } = [];
}

public sealed class ScaleLabelInput
{
    public int Value { get; set; }

    [StringLength(200, ErrorMessage = "The label is too long.")]
    [Display(Name = "Label (Latvian)")]
    public string? Label { get; set; }

    [StringLength(200, ErrorMessage = "The label is too long.")]
    [Display(Name = "Label (English)")]
    public string? LabelEn { get; set; }
}

/// <summary>The administrator saves the scoring criteria: weight, scale and a label for every score value.</summary>
public sealed class SaveCriteria(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, SaveCriteriaInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (cycle.StatuteIsLocked)
            return StatuteEditor.Locked;
        var before = StatuteEditor.Snapshot(cycle);
        Apply(cycle, input.Criteria);
        // A removed criterion may still be named by the tie-break chain: refuse rather than break the chain.
        if (StatuteRefusals.Of(StatuteRules.Validate(cycle), null, StatuteSection.Criteria, StatuteSection.TieBreak) is { Count: > 0 } problems)
            return Outcome.Refused(problems);
        return await StatuteEditor.SaveAsync(db, audit, cycle, input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
    }

    internal static void Apply(AwardCycle cycle, IEnumerable<CriterionInput>? criteria) =>
        StatuteChanges.SetCriteria(cycle, (criteria ?? [])
            .Where(r => !r.Remove && !(r.Id == 0 && string.IsNullOrWhiteSpace(r.Name) && string.IsNullOrWhiteSpace(r.NameEn)))
            .Select(r => new CriterionData(r.Id, r.Name ?? "", r.NameEn, r.Description, r.DescriptionEn, r.Weight, r.ScaleMin, r.ScaleMax,
                r.IsOptional, (r.Labels ?? []).Select(v => new ScaleLabelData(v.Value, v.Label ?? "", v.LabelEn)).ToList()))
            .ToList());
}
