using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Cycles;

public sealed class SaveCategoriesInput
{
    /// <summary>The cycle's version the form read.</summary>
    public Guid Version { get; set; }

    /// <summary>In the statute's order; rows marked <c>Remove</c>, and new rows left without a name, are not kept.</summary>
    [MaxLength(ListCap.Rows, ErrorMessage = ListCap.Message)]
    public List<CategoryInput> Categories { get; set; } = [];
}

/// <summary>A category of the statute: <c>Id</c> 0 for a new one.</summary>
public sealed class CategoryInput
{
    public int Id { get; set; }

    [StringLength(200, ErrorMessage = "The name is too long.")]
    [Display(Name = "Name (Latvian)")]
    public string? Name { get; set; }

    [StringLength(200, ErrorMessage = "The name is too long.")]
    [Display(Name = "Name (English)")]
    public string? NameEn { get; set; }

    [StringLength(4000, ErrorMessage = "The description is too long.")]
    [Display(Name = "Description (Latvian)")]
    public string? Description { get; set; }

    [StringLength(4000, ErrorMessage = "The description is too long.")]
    [Display(Name = "Description (English)")]
    public string? DescriptionEn { get; set; }

    [Display(Name = "Remove this category")]
    public bool Remove { get; set; }
}

/// <summary>The administrator saves the statute's categories: each has its own jury panel and its own nominations.</summary>
public sealed class SaveCategories(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, SaveCategoriesInput input, CancellationToken cancellationToken)
    {
        if (await StatuteEditor.LoadAsync(db, cycleId, cancellationToken) is not { } cycle)
            return Refusal.NotFound;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (cycle.StatuteIsLocked)
            return StatuteEditor.Locked;
        var before = StatuteEditor.Snapshot(cycle);
        Apply(cycle, input.Categories);
        if (StatuteRefusals.Of(StatuteRules.Validate(cycle), null, StatuteSection.Categories) is { Count: > 0 } problems)
            return Outcome.Refused(problems);
        return await StatuteEditor.SaveAsync(db, audit, cycle, input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
    }

    internal static void Apply(AwardCycle cycle, IEnumerable<CategoryInput>? categories) =>
        StatuteChanges.SetCategories(cycle, (categories ?? [])
            .Where(r => !r.Remove && !(r.Id == 0 && string.IsNullOrWhiteSpace(r.Name) && string.IsNullOrWhiteSpace(r.NameEn)))
            .Select(r => new CategoryData(r.Id, r.Name ?? "", r.NameEn, r.Description, r.DescriptionEn))
            .ToList());
}
