using AwardVote.Application.Privacy;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
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
/// list the same rows. Null when the panel does not exist. An erased juror's declarations stay listed (they still
/// decide recusals in the count), under the juror's pseudonym (<see cref="PeopleNames"/>).
/// </summary>
public sealed class ListPanelConflicts(AppDbContext db, Pseudonyms pseudonyms) : IUseCase
{
    public async Task<List<PanelConflictRow>?> RunAsync(int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return null;
        var rows = await db.Conflicts.AsNoTracking()
            .Where(c => c.CycleId == cycleId)
            .Join(db.Nominations.Where(n => n.CategoryId == categoryId), c => c.NominationId, n => n.Id, (c, n) => new { c, n.LibraryId })
            .Join(db.Libraries, x => x.LibraryId, lib => lib.Id, (x, lib) => new { x.c, Library = lib.Name })
            .ToListAsync(cancellationToken);
        var people = await PeopleNames.ForAsync(db, pseudonyms, rows.SelectMany(r => new[] { r.c.JurorUserId, r.c.DecidedByUserId }), cancellationToken);
        return rows
            .Select(r => new PanelConflictRow(r.c.Id, r.c.NominationId, r.Library, r.c.JurorUserId, people[r.c.JurorUserId], r.c.Source, r.c.Reason,
                r.c.Status, r.c.RaisedAt, r.c.DecidedByUserId, r.c.DecidedByUserId is { } d ? people[d] : null, r.c.DecidedAt, r.c.DecisionReason))
            .OrderBy(r => r.JurorName, StringComparer.CurrentCulture).ThenBy(r => r.LibraryName, StringComparer.CurrentCulture)
            .ToList();
    }
}
