using System.ComponentModel.DataAnnotations;
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
    [Display(Name = "Achievements")]
    public string? Achievements { get; set; }

    [StringLength(50_000, ErrorMessage = "The projects can be at most {1} characters long.")]
    [Display(Name = "Projects")]
    public string? Projects { get; set; }

    public List<PartnerRow> Partners { get; set; } = [];
    public List<StatisticRow> Statistics { get; set; } = [];
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
    [Display(Name = "What")]
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
/// its address) is refused, so nothing typed disappears silently, on the page or through the API.
/// </summary>
public sealed class SaveNomination(AppDbContext db, LoadNomination load, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int nominationId, NominationInput input, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        // A JSON body may say "partners": null; that is no partners, as an empty form is.
        input.Partners ??= [];
        input.Statistics ??= [];
        input.Links ??= [];
        if (InputRules.Check(input).Concat(CheckRows(input)).ToList() is { Count: > 0 } invalid)
            return Outcome<Nomination>.Refused(invalid);
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;

        var before = NominationChanges.Snapshot(nomination);
        nomination.PublicSummary = Clean(input.PublicSummary);
        nomination.Achievements = Clean(input.Achievements);
        nomination.Projects = Clean(input.Projects);
        Replace(nomination.Partners, input.Partners.Where(p => p is not null && !string.IsNullOrWhiteSpace(p.Name))
            .Select((p, i) => new NominationPartner { Order = i + 1, Name = p.Name!.Trim(), Role = Clean(p.Role) }));
        Replace(nomination.Statistics, input.Statistics.Where(s => s is { Value: not null, Year: not null })
            .Select(s => new NominationStatistic { Kind = s.Kind, Label = Clean(s.Label), Value = s.Value!.Value, Unit = Clean(s.Unit), Year = s.Year!.Value }));
        Replace(nomination.Links, input.Links.Where(x => x is not null && !string.IsNullOrWhiteSpace(x.Url))
            .Select((x, i) => new NominationLink { Order = i + 1, Url = x.Url!.Trim(), Title = Clean(x.Title) }));
        if (nomination.Status == NominationStatus.Withdrawn)
        {
            // Writing again after a withdrawal takes the nomination back to a draft; it counts once submitted.
            nomination.Status = NominationStatus.Draft;
            nomination.WithdrawnAt = null;
        }
        return await NominationChanges.CommitAsync(db, audit, clock, nomination, input.Version, "nomination.saved", before, cancellationToken);
    }

    /// <summary>Rules across a row's fields: a row is empty or whole, and an address is a web address.</summary>
    private static IEnumerable<Refusal> CheckRows(NominationInput input)
    {
        for (var i = 0; i < input.Partners.Count; i++)
        {
            var row = input.Partners[i];
            if (row is not null && string.IsNullOrWhiteSpace(row.Name) && !string.IsNullOrWhiteSpace(row.Role))
                yield return Refusal.Invalid($"Partners[{i}].Name", RefusalCode.PartnerNameMissing);
        }
        for (var i = 0; i < input.Statistics.Count; i++)
        {
            if (input.Statistics[i] is not { } row)
                continue;
            var described = !string.IsNullOrWhiteSpace(row.Label) || !string.IsNullOrWhiteSpace(row.Unit);
            if (row.Year is null && (row.Value is not null || described))
                yield return Refusal.Invalid($"Statistics[{i}].Year", RefusalCode.StatisticYearMissing);
            if (row.Value is null && (row.Year is not null || described))
                yield return Refusal.Invalid($"Statistics[{i}].Value", RefusalCode.StatisticValueMissing);
        }
        for (var i = 0; i < input.Links.Count; i++)
        {
            if (input.Links[i] is not { } row)
                continue;
            if (string.IsNullOrWhiteSpace(row.Url))
            {
                if (!string.IsNullOrWhiteSpace(row.Title))
                    yield return Refusal.Invalid($"Links[{i}].Url", RefusalCode.LinkAddressMissing);
            }
            else if (!(Uri.TryCreate(row.Url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                yield return Refusal.Invalid($"Links[{i}].Url", RefusalCode.LinkNotWebAddress);
            }
        }
    }

    private static void Replace<T>(List<T> current, IEnumerable<T> next)
    {
        var rows = next.ToList();
        current.Clear();
        current.AddRange(rows);
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
