using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>A jury panel: one cycle's category.</summary>
public sealed record Panel(int CycleId, int CategoryId);

/// <summary>
/// Who sits on which jury, read from the role grants on every request (a withdrawn grant takes effect at once),
/// and which nominations a juror is barred from by a confirmed conflict of interest. Read by the use cases (a
/// ballot for someone not on the panel makes no sense whoever sends it) and by Web's jury authorization handlers.
/// </summary>
public static class JuryMembership
{
    public static Task<bool> IsJurorAsync(AppDbContext db, string userId, int cycleId, int categoryId, CancellationToken cancellationToken = default) =>
        db.RoleGrants.AnyAsync(g => g.UserId == userId && g.CycleId == cycleId && g.CategoryId == categoryId
                                    && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair), cancellationToken);

    public static Task<bool> IsChairAsync(AppDbContext db, string userId, int cycleId, int categoryId, CancellationToken cancellationToken = default) =>
        db.RoleGrants.AnyAsync(g => g.UserId == userId && g.CycleId == cycleId && g.CategoryId == categoryId && g.Role == ScopedRole.Chair,
            cancellationToken);

    /// <summary>Sits on some jury panel (as a juror or its chair).</summary>
    public static Task<bool> IsOnAnyPanelAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.RoleGrants.AnyAsync(g => g.UserId == userId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair), cancellationToken);

    /// <summary>Chairs some jury panel.</summary>
    public static Task<bool> ChairsAnyPanelAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        db.RoleGrants.AnyAsync(g => g.UserId == userId && g.Role == ScopedRole.Chair, cancellationToken);

    public static async Task<IReadOnlyList<Panel>> PanelsOfAsync(AppDbContext db, string userId, CancellationToken cancellationToken = default) =>
        (await db.RoleGrants
            .Where(g => g.UserId == userId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair) && g.CycleId != null && g.CategoryId != null)
            .Select(g => new { g.CycleId, g.CategoryId })
            .Distinct()
            .ToListAsync(cancellationToken))
        .Select(p => new Panel(p.CycleId!.Value, p.CategoryId!.Value))
        .ToList();

    /// <summary>The jurors (and chair) of a panel, by account id.</summary>
    public static Task<List<string>> JurorsOfAsync(AppDbContext db, int cycleId, int categoryId, CancellationToken cancellationToken = default) =>
        db.RoleGrants
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Select(g => g.UserId)
            .Distinct()
            .ToListAsync(cancellationToken);

    /// <summary>The nominations the juror may not score, see the scores of, or be counted in: confirmed conflicts.</summary>
    public static async Task<HashSet<int>> ConflictedNominationsAsync(AppDbContext db, string userId, int cycleId,
        CancellationToken cancellationToken = default) =>
        (await db.Conflicts
            .Where(c => c.JurorUserId == userId && c.CycleId == cycleId && c.Status == ConflictStatus.Confirmed)
            .Select(c => c.NominationId)
            .ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>
    /// The nominations on which a conflict proposed for the juror waits for a decision: the juror may not vote on
    /// them until it is decided, or a juror could score their own library in the days before the chair gets to it.
    /// </summary>
    public static async Task<HashSet<int>> UndecidedConflictNominationsAsync(AppDbContext db, string userId, int cycleId,
        CancellationToken cancellationToken = default) =>
        (await db.Conflicts
            .Where(c => c.JurorUserId == userId && c.CycleId == cycleId && c.Status == ConflictStatus.Proposed)
            .Select(c => c.NominationId)
            .ToListAsync(cancellationToken))
        .ToHashSet();

    /// <summary>The panel exists: the category belongs to the cycle.</summary>
    public static Task<bool> PanelExistsAsync(AppDbContext db, int cycleId, int categoryId, CancellationToken cancellationToken = default) =>
        db.Categories.AnyAsync(c => c.Id == categoryId && c.CycleId == cycleId, cancellationToken);
}
