using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>
/// What the publication's use cases share: a category's standing loaded with its announcements tracked (so a use case
/// changes the very objects the rules read), the save that turns a version token or unique key into "changed
/// meanwhile", and the audit's picture of an announcement.
/// </summary>
internal static class Announcements
{
    public static readonly Refusal NotFound = new(RefusalCode.AnnouncementNotFound, RefusalKind.NotFound, null, []);

    public static readonly Refusal Stale = Refusal.Conflict(RefusalCode.AnnouncementChangedMeanwhile);

    public static async Task<(AwardCycle Cycle, ResultStandings.CategoryView View)?> LoadAsync(AppDbContext db, ResultStandings standings,
        int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return null;
        var view = (await standings.LoadAsync(cycle, tracked: true, cancellationToken)).FirstOrDefault(v => v.Category.Id == categoryId);
        return view is null ? null : (cycle, view);
    }

    public static async Task<(AwardCycle Cycle, ResultStandings.CategoryView View, Publication Publication)?> LoadByPublicationAsync(
        AppDbContext db, ResultStandings standings, int publicationId, CancellationToken cancellationToken)
    {
        var key = await db.Publications.AsNoTracking().Where(p => p.Id == publicationId)
            .Select(p => new { p.CycleId, p.CategoryId }).SingleOrDefaultAsync(cancellationToken);
        if (key is null || await LoadAsync(db, standings, key.CycleId, key.CategoryId, cancellationToken) is not ({ } cycle, { } view))
            return null;
        return (cycle, view, view.History.Single(p => p.Id == publicationId));
    }

    public static async Task<Outcome<Publication>> SaveAsync(AppDbContext db, Publication publication, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A version token or a unique key: someone else changed or created it first.
            db.ChangeTracker.Clear();
            return Stale;
        }
        return publication;
    }

    public static List<Refusal> Refusals(IEnumerable<PublicationProblem> problems, ResultStandings.CategoryView view) =>
        problems.Select(p => PublicationRefusals.For(p, id => id == view.Category.Id ? view.Category : null)).ToList();

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static object Snapshot(Publication p) => new
    {
        p.Sequence, p.LaureateNominationId, p.RoundResultId, p.Citation, p.CitationEn, p.CorrectsPublicationId, p.CorrectionNote,
        p.CorrectionNoteEn, p.ApprovedAt, p.ApprovedByUserId, p.ScheduledFor, p.PublishedAt, p.PublishedByUserId,
    };
}
