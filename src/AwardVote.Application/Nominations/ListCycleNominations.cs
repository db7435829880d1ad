using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>Who asks for a cycle's nominations: an account (or nobody), and whether it administers the award.</summary>
public sealed record NominationViewer(string? UserId, bool IsAdministrator)
{
    public static readonly NominationViewer Anonymous = new(null, false);
}

/// <summary>Why a row is shown, and so how much of it: from the least to the most.</summary>
public enum NominationView
{
    /// <summary>A nominee the statute lets the public see: library, category, public summary.</summary>
    Public,

    /// <summary>A nomination the juror's panel judges: what the public sees, and whether the juror is barred by a conflict.</summary>
    Jury,

    /// <summary>The viewer's library is the nominee or nominated it: its status and the screening decision too.</summary>
    Library,

    /// <summary>The administrator sees every nomination with everything.</summary>
    Administration,
}

/// <summary>One nomination of a cycle as the viewer may see it; what the view does not show is null.</summary>
public sealed record CycleNominationRow(
    int Id,
    int CategoryId,
    int LibraryId,
    string LibraryName,
    string? PublicSummary,
    NominationView SeenAs,
    NominationStatus? Status = null,
    EligibilityDecision? Eligibility = null,
    string? EligibilityReason = null,
    bool? Frozen = null,
    int? NominatedByLibraryId = null,
    string? NominatedBy = null,
    bool? Conflicted = null);

/// <summary>
/// A cycle's nominations as each role may see them, by the same rules as the pages: the administrator all of them
/// (the eligibility screen); a library's representative its own and those it made (the library's nominations page);
/// a juror or chair, from judging on, the judged nominations of their panel and their own conflicts (the juror's desk);
/// anyone the nominees the statute makes public once nominations close (the cycle's public page). A person with
/// several roles sees each row by the widest of them, and never more.
/// </summary>
public sealed class ListCycleNominations(AppDbContext db) : IUseCase
{
    public async Task<Outcome<List<CycleNominationRow>>> RunAsync(int cycleId, NominationViewer viewer, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        // Drafts are nobody's business but the association's.
        if (cycle is null || (cycle.Phase == CyclePhase.Draft && !viewer.IsAdministrator))
            return Refusal.NotFound;

        var all = await (
                from n in db.Nominations.AsNoTracking()
                where n.CycleId == cycleId
                join library in db.Libraries on n.LibraryId equals library.Id
                select new
                {
                    Nomination = n,
                    LibraryName = library.Name,
                    NominatedBy = db.Libraries.Where(b => b.Id == n.NominatedByLibraryId).Select(b => b.Name).FirstOrDefault(),
                })
            .ToListAsync(cancellationToken);

        var rows = new Dictionary<int, CycleNominationRow>();
        void Show(CycleNominationRow row)
        {
            if (!rows.TryGetValue(row.Id, out var shown) || shown.SeenAs < row.SeenAs)
                rows[row.Id] = row;
        }

        if (viewer.IsAdministrator)
        {
            foreach (var x in all)
                Show(Full(x.Nomination, x.LibraryName, x.NominatedBy, NominationView.Administration));
            return Ordered(rows);
        }

        if (NomineesArePublic(cycle))
        {
            foreach (var x in all.Where(x => x.Nomination is { Status: NominationStatus.Submitted, WithdrawnAt: null }
                                             && x.Nomination.Eligibility != EligibilityDecision.Ineligible))
                Show(new CycleNominationRow(x.Nomination.Id, x.Nomination.CategoryId, x.Nomination.LibraryId, x.LibraryName,
                    x.Nomination.PublicSummary, NominationView.Public));
        }

        if (viewer.UserId is { } userId)
        {
            var grants = await db.RoleGrants.AsNoTracking().Where(g => g.UserId == userId).ToListAsync(cancellationToken);
            var panels = grants.Where(g => g.Role is ScopedRole.Juror or ScopedRole.Chair && g.CycleId == cycleId && g.CategoryId != null)
                .Select(g => g.CategoryId!.Value).ToHashSet();
            if (panels.Count > 0 && cycle.Phase >= CyclePhase.Judging)
            {
                var conflicted = (await db.Conflicts.AsNoTracking()
                        .Where(c => c.JurorUserId == userId && c.CycleId == cycleId && c.Status == ConflictStatus.Confirmed)
                        .Select(c => c.NominationId)
                        .ToListAsync(cancellationToken))
                    .ToHashSet();
                foreach (var x in all.Where(x => panels.Contains(x.Nomination.CategoryId) && JudgingRules.IsJudged(x.Nomination)))
                    Show(new CycleNominationRow(x.Nomination.Id, x.Nomination.CategoryId, x.Nomination.LibraryId, x.LibraryName,
                        x.Nomination.PublicSummary, NominationView.Jury, Conflicted: conflicted.Contains(x.Nomination.Id)));
            }

            var mine = grants.Where(g => g.Role == ScopedRole.LibraryRepresentative && g.LibraryId != null).Select(g => g.LibraryId!.Value).ToHashSet();
            foreach (var x in all.Where(x => mine.Contains(x.Nomination.LibraryId)
                                             || (x.Nomination is { NominatorMayRead: true, NominatedByLibraryId: { } by } && mine.Contains(by))))
                Show(Full(x.Nomination, x.LibraryName, x.NominatedBy, NominationView.Library));
        }
        return Ordered(rows);
    }

    /// <summary>Only after nominations close (a library may still withdraw before), and only if the statute says so.</summary>
    public static bool NomineesArePublic(AwardCycle cycle) =>
        cycle.NomineesPublicAfterNominationsClose && cycle.Phase > CyclePhase.NominationsOpen;

    private static CycleNominationRow Full(Nomination n, string libraryName, string? nominatedBy, NominationView view) => new(
        n.Id, n.CategoryId, n.LibraryId, libraryName, n.PublicSummary, view, n.Status, n.Eligibility, n.EligibilityReason, n.IsFrozen,
        n.NominatedByLibraryId, nominatedBy);

    private static Outcome<List<CycleNominationRow>> Ordered(Dictionary<int, CycleNominationRow> rows) =>
        rows.Values.OrderBy(r => r.LibraryName, StringComparer.CurrentCulture).ThenBy(r => r.CategoryId).ThenBy(r => r.Id).ToList();
}
