using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

public sealed record PanelConflictRow(int Id, int NominationId, string LibraryName, string JurorUserId, string JurorName, ConflictSource Source,
    string Reason, ConflictStatus Status, DateTimeOffset RaisedAt, string? DecidedByUserId, string? DeciderName, DateTimeOffset? DecidedAt,
    string? DecisionReason)
{
    /// <summary>A juror's own declaration: in force at once, not the chair's to decide.</summary>
    public bool IsDeclared => Source == ConflictSource.DeclaredByJuror;

    public bool AwaitsDecision => !IsDeclared && Status == ConflictStatus.Proposed;
}

/// <summary>
/// Every conflict of interest of a panel, with the ids the chair's decision needs: the chair's page and the API
/// list the same rows. Null when the panel does not exist.
/// </summary>
public sealed class ListPanelConflicts(AppDbContext db) : IUseCase
{
    public async Task<List<PanelConflictRow>?> RunAsync(int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return null;
        var rows = await db.Conflicts.AsNoTracking()
            .Where(c => c.CycleId == cycleId)
            .Join(db.Nominations.Where(n => n.CategoryId == categoryId), c => c.NominationId, n => n.Id, (c, n) => new { c, n.LibraryId })
            .Join(db.Libraries, x => x.LibraryId, lib => lib.Id, (x, lib) => new { x.c, Library = lib.Name })
            .Join(db.Users, x => x.c.JurorUserId, u => u.Id, (x, u) => new { x.c, x.Library, Juror = u.DisplayName })
            .ToListAsync(cancellationToken);
        var deciderIds = rows.Where(r => r.c.DecidedByUserId != null).Select(r => r.c.DecidedByUserId!).Distinct().ToList();
        var deciders = await db.Users.Where(u => deciderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        return rows
            .Select(r => new PanelConflictRow(r.c.Id, r.c.NominationId, r.Library, r.c.JurorUserId, r.Juror, r.c.Source, r.c.Reason, r.c.Status,
                r.c.RaisedAt, r.c.DecidedByUserId, r.c.DecidedByUserId is { } d ? deciders.GetValueOrDefault(d) : null, r.c.DecidedAt, r.c.DecisionReason))
            .OrderBy(r => r.JurorName, StringComparer.CurrentCulture).ThenBy(r => r.LibraryName, StringComparer.CurrentCulture)
            .ToList();
    }
}
