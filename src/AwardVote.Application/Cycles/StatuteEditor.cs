using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

/// <summary>
/// Loads and saves a cycle's statute for the statute's use cases, so every one of them obeys the same rules: a locked
/// statute never changes, a stale version is refused, every change is audited in its transaction.
/// </summary>
public static class StatuteEditor
{
    public const string StatuteChanged = "cycle.statute-changed";
    public const string ScheduleChanged = "cycle.schedule-changed";

    /// <summary>The cycle with its whole statute and schedule, tracked for changes.</summary>
    public static Task<AwardCycle?> LoadAsync(AppDbContext db, int id, CancellationToken cancellationToken) =>
        WithStatute(db.Cycles).SingleOrDefaultAsync(c => c.Id == id, cancellationToken);

    public static IQueryable<AwardCycle> WithStatute(IQueryable<AwardCycle> cycles) => cycles
        .Include(c => c.Categories)
        .Include(c => c.Criteria).ThenInclude(c => c.Levels)
        .Include(c => c.Rounds)
        .Include(c => c.TieBreakChain)
        .Include(c => c.EligibilityRules)
        .Include(c => c.Schedule)
        .AsSplitQuery();

    public static readonly Refusal Locked = Refusal.Conflict(RefusalCode.StatuteLocked);

    public static readonly Refusal Stale = Refusal.Conflict(RefusalCode.CycleChangedMeanwhile);

    /// <summary>
    /// Saves changes made in memory to <paramref name="cycle"/> (loaded with <see cref="LoadAsync"/>) as of the
    /// version the editor saw. <paramref name="before"/> is <see cref="Snapshot"/> taken before the changes.
    /// </summary>
    internal static async Task<Outcome> SaveAsync(AppDbContext db, AuditLog audit, AwardCycle cycle, Guid expectedVersion, string action,
        object before, IReadOnlyList<(TieBreakStep Step, Criterion Criterion)> pendingLinks, bool scheduleOnly, CancellationToken cancellationToken)
    {
        if (cycle.StatuteIsLocked && !scheduleOnly)
            return Locked;
        if (cycle.Version != expectedVersion)
            return Stale;

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
            return Stale;
        }
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }

    /// <summary>The slug itself when free, else the slug with "-2", "-3"… appended.</summary>
    internal static async Task<string> UniqueSlugAsync(AppDbContext db, string slug, CancellationToken cancellationToken)
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
        cycle.Title, cycle.TitleEn, cycle.Year, cycle.Slug, cycle.Description, cycle.DescriptionEn, cycle.Secrecy, cycle.PublicCountFiles,
        cycle.NomineesPublicAfterNominationsClose, cycle.FeedbackToNominees, cycle.LaureateCooldownYears,
        cycle.RegionIsConflict, cycle.ReminderDaysBeforeClose, cycle.JurorsNeedSecondFactor,
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

    internal static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
