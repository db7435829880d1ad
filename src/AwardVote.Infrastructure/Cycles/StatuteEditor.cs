using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Infrastructure.Cycles;

public enum StatuteSaveOutcome
{
    Saved,
    /// <summary>Nominations have opened: the statute is fixed.</summary>
    Locked,
    /// <summary>Someone else saved the cycle after the form was opened.</summary>
    Stale,
}

/// <summary>
/// Loads, creates, copies and saves cycles for the administrator's pages and the API, so both obey the same rules:
/// a locked statute never changes, a stale version is refused, every change is audited in its transaction.
/// </summary>
public sealed class StatuteEditor(AppDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string StatuteChanged = "cycle.statute-changed";
    public const string ScheduleChanged = "cycle.schedule-changed";

    /// <summary>The cycle with its whole statute and schedule, tracked for changes.</summary>
    public Task<AwardCycle?> LoadAsync(int id, CancellationToken cancellationToken) =>
        WithStatute(db.Cycles).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public static IQueryable<AwardCycle> WithStatute(IQueryable<AwardCycle> cycles) => cycles
        .Include(c => c.Categories)
        .Include(c => c.Criteria).ThenInclude(c => c.Levels)
        .Include(c => c.Rounds)
        .Include(c => c.TieBreakChain)
        .Include(c => c.EligibilityRules)
        .Include(c => c.Schedule)
        .AsSplitQuery();

    /// <summary>
    /// Saves changes made in memory to <paramref name="cycle"/> (loaded with <see cref="LoadAsync"/>) as of the
    /// version the editor saw. <paramref name="before"/> is <see cref="Snapshot"/> taken before the changes.
    /// </summary>
    public async Task<StatuteSaveOutcome> SaveAsync(AwardCycle cycle, Guid expectedVersion, string action, object before,
        IReadOnlyList<(TieBreakStep Step, Criterion Criterion)> pendingLinks, bool scheduleOnly, CancellationToken cancellationToken)
    {
        if (cycle.StatuteIsLocked && !scheduleOnly)
            return StatuteSaveOutcome.Locked;
        if (cycle.Version != expectedVersion)
            return StatuteSaveOutcome.Stale;

        // The UPDATE only matches the row as the editor saw it; a move or another save in between makes it fail.
        db.Entry(cycle).Property(c => c.Version).OriginalValue = expectedVersion;
        cycle.Version = Guid.NewGuid();

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            // New criteria have ids now; the tie-break steps that name them, and the schedule's final numbering, follow.
            foreach (var (step, criterion) in pendingLinks)
                step.CriterionId = criterion.Id;
            StatuteChanges.RenumberSchedule(cycle);
            audit.Record(action, "Cycle", cycle.Id, before, Snapshot(cycle), cycleId: cycle.Id);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return StatuteSaveOutcome.Stale;
        }
        await transaction.CommitAsync(cancellationToken);
        return StatuteSaveOutcome.Saved;
    }

    /// <summary>A new draft cycle, empty or with the statute of <paramref name="copyFrom"/>; audited.</summary>
    public async Task<AwardCycle> CreateAsync(string title, string? titleEn, int year, string? slug, AwardCycle? copyFrom,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        slug = await UniqueSlugAsync(string.IsNullOrWhiteSpace(slug) ? StatuteChanges.SlugFor(title, year) : slug.Trim().ToLowerInvariant(), cancellationToken);
        var (cycle, pending) = copyFrom is null
            ? (StatuteChanges.NewCycle(title.Trim(), Blank(titleEn), year, slug, now), [])
            : StatuteChanges.CopyStatute(copyFrom, title.Trim(), Blank(titleEn), year, slug, now);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Cycles.Add(cycle);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var (step, criterion) in pending)
            step.CriterionId = criterion.Id;
        audit.Record(copyFrom is null ? "cycle.created" : "cycle.copied", "Cycle", cycle.Id, after: Snapshot(cycle),
            reason: copyFrom is null ? null : $"Copied from cycle {copyFrom.Id} ({copyFrom.Slug})", cycleId: cycle.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return cycle;
    }

    /// <summary>The version a refused form should carry next, so saving again is a deliberate second decision.</summary>
    public Task<Guid?> CurrentVersionAsync(int id, CancellationToken cancellationToken) =>
        db.Cycles.AsNoTracking().Where(c => c.Id == id).Select(c => (Guid?)c.Version).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The slug itself when free, else the slug with "-2", "-3"… appended.</summary>
    public async Task<string> UniqueSlugAsync(string slug, CancellationToken cancellationToken)
    {
        var taken = await db.Cycles.Where(c => c.Slug == slug || c.Slug.StartsWith(slug + "-")).Select(c => c.Slug).ToListAsync(cancellationToken);
        if (!taken.Contains(slug))
            return slug;
        for (var n = 2; ; n++)
        {
            var candidate = $"{slug}-{n}";
            if (!taken.Contains(candidate))
                return candidate;
        }
    }

    /// <summary>The statute and schedule as the audit log keeps them (before and after a change).</summary>
    public static object Snapshot(AwardCycle cycle) => new
    {
        cycle.Title, cycle.TitleEn, cycle.Year, cycle.Slug, cycle.Description, cycle.DescriptionEn, cycle.Secrecy,
        cycle.NomineesPublicAfterNominationsClose, cycle.FeedbackToNominees, cycle.LaureateCooldownYears,
        cycle.RegionIsConflict, cycle.ReminderDaysBeforeClose,
        WinRule = new { cycle.WinRule.MinimumFirstPlaces, cycle.WinRule.MinimumLead },
        PeoplesChoice = new
        {
            cycle.PeoplesChoice.Enabled, cycle.PeoplesChoice.Eligibility, cycle.PeoplesChoice.Allowance,
            cycle.PeoplesChoice.OpensAt, cycle.PeoplesChoice.ClosesAt, cycle.PeoplesChoice.LiveCount,
        },
        Categories = cycle.Categories.OrderBy(c => c.Order).Select(c => new { c.Id, c.Name, c.NameEn, c.Description, c.DescriptionEn }).ToList(),
        Criteria = cycle.Criteria.OrderBy(c => c.Order).Select(c => new
        {
            c.Id, c.Name, c.NameEn, c.Description, c.DescriptionEn, c.Weight, c.ScaleMin, c.ScaleMax, c.IsOptional,
            Levels = c.Levels.OrderBy(l => l.Value).Select(l => new { l.Value, l.Label, l.LabelEn }).ToList(),
        }).ToList(),
        Rounds = cycle.Rounds.OrderBy(r => r.Number).Select(r => new { r.Number, r.Kind, r.Method, r.ShortlistSize, r.AllowEqualRanks }).ToList(),
        TieBreakChain = cycle.TieBreakChain.OrderBy(s => s.Order).Select(s => new { s.Rule, s.CriterionId }).ToList(),
        EligibilityRules = cycle.EligibilityRules.OrderBy(r => r.Order).Select(r => new { r.Text, r.TextEn }).ToList(),
        Schedule = cycle.Schedule.OrderBy(s => s.Sequence).Select(s => new { s.Phase, s.RoundNumber, s.StartsAt }).ToList(),
    };

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
