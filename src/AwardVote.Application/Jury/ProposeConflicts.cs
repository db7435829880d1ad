using AwardVote.Domain.Accounts;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// Proposes conflicts of interest for every juror × judged nomination of a panel from what the system knows
/// (<see cref="ConflictRules"/>): the chair's button, the API, and every accepted jury invitation. Safe to repeat:
/// what exists is skipped, and the unique key (juror, nomination, source) catches a parallel run.
/// </summary>
public sealed class ProposeConflicts(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>Adds the proposals not made before; returns how many it added.</summary>
    public async Task<Outcome<int>> RunAsync(int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || !await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return Refusal.NotFound;
        var jurorIds = await db.RoleGrants
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Select(g => g.UserId).Distinct().ToListAsync(cancellationToken);
        if (jurorIds.Count == 0)
            return 0;
        var homes = await db.Users.Where(u => jurorIds.Contains(u.Id)).Select(u => new { u.Id, u.HomeLibraryId }).ToListAsync(cancellationToken);
        var represented = await db.RoleGrants
            .Where(g => jurorIds.Contains(g.UserId) && g.Role == ScopedRole.LibraryRepresentative && g.LibraryId != null)
            .Select(g => new { g.UserId, LibraryId = g.LibraryId!.Value }).ToListAsync(cancellationToken);
        var nominees = (await db.Nominations.AsNoTracking()
                .Where(n => n.CycleId == cycleId && n.CategoryId == categoryId)
                .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { Nomination = n, Library = l })
                .ToListAsync(cancellationToken))
            .Where(x => JudgingRules.IsJudged(x.Nomination))
            .Select(x => new NomineeFacts(x.Nomination.Id, x.Library))
            .ToList();
        var homeLibraryIds = homes.Where(h => h.HomeLibraryId != null).Select(h => h.HomeLibraryId!.Value).Distinct().ToList();
        var libraries = await db.Libraries.AsNoTracking().Where(l => homeLibraryIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);

        var proposals = homes.SelectMany(h => ConflictRules.Propose(
                new JurorFacts(h.Id, h.HomeLibraryId is { } id ? libraries.GetValueOrDefault(id) : null,
                    represented.Where(r => r.UserId == h.Id).Select(r => r.LibraryId).ToList()),
                nominees, cycle.RegionIsConflict))
            .ToList();
        var nominationIds = nominees.Select(n => n.NominationId).ToList();
        var existing = (await db.Conflicts
                .Where(c => nominationIds.Contains(c.NominationId))
                .Select(c => new { c.JurorUserId, c.NominationId, c.Source })
                .ToListAsync(cancellationToken))
            .Select(c => (c.JurorUserId, c.NominationId, c.Source))
            .ToHashSet();
        var fresh = proposals.Where(p => !existing.Contains((p.JurorUserId, p.NominationId, p.Source))).ToList();
        if (fresh.Count == 0)
            return 0;

        var now = clock.GetUtcNow();
        foreach (var proposal in fresh)
        {
            db.Conflicts.Add(new ConflictOfInterest
            {
                CycleId = cycleId, NominationId = proposal.NominationId, JurorUserId = proposal.JurorUserId, Source = proposal.Source,
                Reason = proposal.Reason, Status = ConflictStatus.Proposed, RaisedAt = now,
            });
        }
        audit.Record("conflict.proposed", "Category", categoryId,
            after: fresh.Select(p => new { p.JurorUserId, p.NominationId, p.Source, p.Reason }).ToList(), cycleId: cycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A parallel run (a juror accepting while the chair presses the button) saved them first; that run's
            // proposals stand, and running again adds whatever is still missing.
            db.ChangeTracker.Clear();
            return 0;
        }
        return fresh.Count;
    }
}
