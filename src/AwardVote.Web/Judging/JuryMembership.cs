using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Judging;

/// <summary>A jury panel: one cycle's category.</summary>
public sealed record Panel(int CycleId, int CategoryId);

/// <summary>
/// Who sits on which jury, read from the role grants on every request (a withdrawn grant takes effect at once),
/// and which nominations a juror is barred from by a confirmed conflict of interest.
/// </summary>
public sealed class JuryMembership(AppDbContext db)
{
    public Task<bool> IsJurorAsync(string userId, int cycleId, int categoryId) =>
        db.RoleGrants.AnyAsync(g => g.UserId == userId && g.CycleId == cycleId && g.CategoryId == categoryId
                                    && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair));

    public Task<bool> IsChairAsync(string userId, int cycleId, int categoryId) =>
        db.RoleGrants.AnyAsync(g => g.UserId == userId && g.CycleId == cycleId && g.CategoryId == categoryId && g.Role == ScopedRole.Chair);

    public async Task<IReadOnlyList<Panel>> PanelsOfAsync(string userId) =>
        (await db.RoleGrants
            .Where(g => g.UserId == userId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair) && g.CycleId != null && g.CategoryId != null)
            .Select(g => new { g.CycleId, g.CategoryId })
            .Distinct()
            .ToListAsync())
        .Select(p => new Panel(p.CycleId!.Value, p.CategoryId!.Value))
        .ToList();

    /// <summary>The jurors (and chair) of a panel, by account id.</summary>
    public Task<List<string>> JurorsOfAsync(int cycleId, int categoryId) =>
        db.RoleGrants
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Select(g => g.UserId)
            .Distinct()
            .ToListAsync();

    /// <summary>The nominations the juror may not score, see the scores of, or be counted in: confirmed conflicts.</summary>
    public async Task<HashSet<int>> ConflictedNominationsAsync(string userId, int cycleId) =>
        (await db.Conflicts
            .Where(c => c.JurorUserId == userId && c.CycleId == cycleId && c.Status == ConflictStatus.Confirmed)
            .Select(c => c.NominationId)
            .ToListAsync())
        .ToHashSet();
}
