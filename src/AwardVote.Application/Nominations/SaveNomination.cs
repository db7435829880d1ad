using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Validation;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Nominations;

/// <summary>What a library writes in its nomination: the form's fields and the API's body alike.</summary>
public sealed class NominationInput
{
    /// <summary>The version the form (or the script) read: a change made meanwhile elsewhere is not overwritten.</summary>
    public Guid Version { get; set; }

    [StringLength(2000, ErrorMessage = "The public summary can be at most {1} characters long.")]
    [Display(Name = "Public summary")]
    public string? PublicSummary { get; set; }

    [StringLength(50_000, ErrorMessage = "The achievements can be at most {1} characters long.")]
    [ShowableMarkdown]
    [Display(Name = "Achievements")]
    public string? Achievements { get; set; }

    [StringLength(50_000, ErrorMessage = "The projects can be at most {1} characters long.")]
    [ShowableMarkdown]
    [Display(Name = "Projects")]
    public string? Projects { get; set; }

    // Caps far above any real nomination (the form shows a few rows): 20,000 partners once saved made the form take
    // minutes and 27 MB to open. The form's fields stay under the server's 1,024 form values as well.
    public const int MaxPartners = 100;
    public const int MaxStatistics = 100;
    public const int MaxLinks = 50;

    [MaxLength(MaxPartners, ErrorMessage = "A nomination can list at most {1} partners.")]
    [Display(Name = "Partners")]
    public List<PartnerRow> Partners { get; set; } = [];

    [MaxLength(MaxStatistics, ErrorMessage = "A nomination can give at most {1} numbers.")]
    [Display(Name = "Statistics")]
    public List<StatisticRow> Statistics { get; set; } = [];

    [MaxLength(MaxLinks, ErrorMessage = "A nomination can give at most {1} links.")]
    [Display(Name = "Links")]
    public List<LinkRow> Links { get; set; } = [];
}

public sealed class PartnerRow
{
    [StringLength(300, ErrorMessage = "A partner's name can be at most {1} characters long.")]
    [Display(Name = "Partner")]
    public string? Name { get; set; }

    [StringLength(500, ErrorMessage = "A partner's role can be at most {1} characters long.")]
    [Display(Name = "Role in the work")]
    public string? Role { get; set; }
}

public sealed class StatisticRow
{
    [Display(Name = "Indicator")]
    public StatisticKind Kind { get; set; }

    [StringLength(200, ErrorMessage = "The label can be at most {1} characters long.")]
    [Display(Name = "Label")]
    public string? Label { get; set; }

    [Range(0, 1_000_000_000_000, ErrorMessage = "A number must be between {1} and {2}.")]
    [Display(Name = "Number")]
    public decimal? Value { get; set; }

    [StringLength(50, ErrorMessage = "The unit can be at most {1} characters long.")]
    [Display(Name = "Unit")]
    public string? Unit { get; set; }

    [Range(1900, 2100, ErrorMessage = "The year must be between {1} and {2}.")]
    [Display(Name = "Year")]
    public int? Year { get; set; }
}

public sealed class LinkRow
{
    [StringLength(2000, ErrorMessage = "The address can be at most {1} characters long.")]
    [Display(Name = "Address")]
    public string? Url { get; set; }

    [StringLength(300, ErrorMessage = "The title can be at most {1} characters long.")]
    [Display(Name = "Title")]
    public string? Title { get; set; }
}

/// <summary>
/// The nominee's representative saves the nomination's text, partners, numbers and links, until the deadline. An
/// empty row is left out; a half-filled one (a number without its year, a role without the partner, a title without
/// its address) is refused, so nothing typed disappears silently, on the page or through the API. A submitted
/// nomination is not saved over: the jury reads what was submitted, so changing it is a resubmission
/// (<see cref="ResubmitNomination"/>), with its receipt.
/// </summary>
public sealed class SaveNomination(AppDbContext db, LoadNomination load, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int nominationId, NominationInput input, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        if (NominationText.Check(input) is { Count: > 0 } invalid)
            return Outcome<Nomination>.Refused(invalid);
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        // The status read is guarded by the version (the concurrency token): a submission made meanwhile in another
        // tab makes this save fail as changed meanwhile, never write under the submitted text.
        if (nomination.Status == NominationStatus.Submitted)
            return Refusal.Conflict(RefusalCode.SubmittedNominationNeedsResubmission);

        var before = NominationChanges.Snapshot(nomination);
        NominationText.Apply(nomination, input);
        if (nomination.Status == NominationStatus.Withdrawn)
        {
            // Writing again after a withdrawal takes the nomination back to a draft; it counts once submitted.
            nomination.Status = NominationStatus.Draft;
            nomination.WithdrawnAt = null;
        }
        return await NominationChanges.CommitAsync(db, audit, clock, nomination, input.Version, "nomination.saved", before, cancellationToken);
    }
}
