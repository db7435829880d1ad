using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

public sealed class CreateCycleInput
{
    [Required(ErrorMessage = "Enter the title in Latvian.")]
    [StringLength(300, ErrorMessage = "The title is too long.")]
    [Display(Name = "Title (Latvian)")]
    public string Title { get; set; } = "";

    [StringLength(300, ErrorMessage = "The title is too long.")]
    [Display(Name = "Title (English)")]
    public string? TitleEn { get; set; }

    [Range(2000, 2100, ErrorMessage = "Enter a year between 2000 and 2100.")]
    [Display(Name = "Year")]
    public int Year { get; set; }

    /// <summary>The public page's address; from the title and year when left empty.</summary>
    [StringLength(90, ErrorMessage = "The address is too long.")]
    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "The address may contain lowercase letters a-z, digits and hyphens.")]
    [Display(Name = "Address of the public page")]
    public string? Slug { get; set; }

    /// <summary>The cycle whose whole statute the new one starts with (not its nominations, not its dates); null: an empty statute.</summary>
    [Display(Name = "Copy the statute from")]
    public int? CopyFromCycleId { get; set; }

    /// <summary>
    /// With a copy: take the earlier cycle's dates (schedule, people's-choice vote) moved by the years between the two
    /// cycles, at the same local time of day, to adjust rather than type again. Off, the copy has no dates.
    /// </summary>
    [Display(Name = "Take its dates, moved to the new year")]
    public bool ShiftDates { get; set; }
}

/// <summary>The administrator starts a new cycle in Draft: empty, or with the whole statute of an earlier one; audited.</summary>
public sealed class CreateCycle(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<AwardCycle>> RunAsync(CreateCycleInput input, CancellationToken cancellationToken)
    {
        var refusals = InputRules.Check(input).ToList();
        var source = input.CopyFromCycleId is { } sourceId
            ? await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == sourceId, cancellationToken)
            : null;
        if (input.CopyFromCycleId is not null && source is null)
            refusals.Add(Refusal.Invalid(nameof(input.CopyFromCycleId), RefusalCode.CopySourceNotFound));
        if (!refusals.Any(r => r.Field == nameof(input.Slug)) && !string.IsNullOrWhiteSpace(input.Slug)
            && await db.Cycles.AnyAsync(c => c.Slug == input.Slug, cancellationToken))
            refusals.Add(Refusal.Invalid(nameof(input.Slug), RefusalCode.CycleAddressTaken));
        if (refusals.Count > 0)
            return Outcome<AwardCycle>.Refused(refusals);

        var now = clock.GetUtcNow();
        var title = input.Title.Trim();
        var slug = await StatuteEditor.UniqueSlugAsync(db,
            string.IsNullOrWhiteSpace(input.Slug) ? StatuteChanges.SlugFor(title, input.Year) : input.Slug.Trim().ToLowerInvariant(), cancellationToken);
        var (cycle, pending) = source is null
            ? (StatuteChanges.NewCycle(title, StatuteEditor.Blank(input.TitleEn), input.Year, slug, now), [])
            : StatuteChanges.CopyStatute(source, title, StatuteEditor.Blank(input.TitleEn), input.Year, slug, now);
        if (source is not null && input.ShiftDates && input.Year > source.Year)
            ShiftDates(source, cycle, input.Year - source.Year);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (step, criterion) in pending)
            step.CriterionId = criterion.Id;
        audit.Record(source is null ? "cycle.created" : "cycle.copied", "Cycle", cycle.Id, after: StatuteEditor.Snapshot(cycle),
            reason: source is null ? null : $"Copied from cycle {source.Id} ({source.Slug})", cycleId: cycle.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cycle;
    }

    /// <summary>
    /// Each dated step of <paramref name="source"/> dated again in <paramref name="copy"/>, <paramref name="years"/>
    /// later at the same wall-clock time in the cycle's zone (23.59 stays 23.59 across summer time).
    /// </summary>
    private static void ShiftDates(AwardCycle source, AwardCycle copy, int years)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(copy.TimeZone);
        DateTimeOffset Later(DateTimeOffset at)
        {
            var local = TimeZoneInfo.ConvertTime(at, zone).DateTime.AddYears(years);
            // A time the zone skips that year moves on by the skipped hour rather than failing the copy.
            if (zone.IsInvalidTime(local))
                local = local.AddHours(1);
            return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
        }
        foreach (var step in source.Schedule.Where(s => s.StartsAt is not null))
        {
            if (copy.Schedule.FirstOrDefault(s => s.Phase == step.Phase && s.RoundNumber == step.RoundNumber) is { } target)
                target.StartsAt = Later(step.StartsAt!.Value);
        }
        if (source.PeoplesChoice.OpensAt is { } opens)
            copy.PeoplesChoice.OpensAt = Later(opens);
        if (source.PeoplesChoice.ClosesAt is { } closes)
            copy.PeoplesChoice.ClosesAt = Later(closes);
    }
}
