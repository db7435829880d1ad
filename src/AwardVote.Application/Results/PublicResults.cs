using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>
/// What the public may read about results, for the announcement page, the archive and the API alike: only published
/// announcements (nothing before), the current one of each category with the ones it corrected, the finalists, and
/// only photos the library released for publication (with consent).
/// </summary>
public sealed class PublicResults(AppDbContext db, ResultStandings standings) : IUseCase
{
    public sealed record Photo(int AttachmentId, string? Caption, string? Credit, string? Licence);
    public sealed record Nominee(int NominationId, string LibraryName, string? PublicSummary, bool IsLaureate, IReadOnlyList<Photo> Photos);
    public sealed record Earlier(int PublicationId, string LaureateName, string Citation, string? CitationEn, DateTimeOffset PublishedAt);
    /// <summary>The count behind the announcement, when the statute lets anyone download it (<see cref="DownloadPublishedCount"/>).</summary>
    public sealed record PublicCount(int RoundNumber, string BallotFileSha256);

    /// <param name="Shortlist">The nominations of the final round, the laureate among them (empty for years counted on paper).</param>
    /// <param name="Corrected">The announcements this one replaced, newest first.</param>
    public sealed record Announcement(int PublicationId, int CategoryId, string CategoryName, string? CategoryNameEn, Nominee Laureate,
        string Citation, string? CitationEn, DateTimeOffset PublishedAt, IReadOnlyList<Nominee> Shortlist,
        string? CorrectionNote, string? CorrectionNoteEn, IReadOnlyList<Earlier> Corrected, PublicCount? Count);

    public sealed record CycleResults(int CycleId, string Slug, string Title, string? TitleEn, int Year, string TimeZone, IReadOnlyList<Announcement> Announcements)
    {
        public bool Announced => Announcements.Count > 0;
    }

    public sealed record ArchiveEntry(int Year, string CycleSlug, string CycleTitle, string? CycleTitleEn, string CategoryName,
        string? CategoryNameEn, bool SeveralCategories, string LibraryName, string Citation, string? CitationEn, DateTimeOffset PublishedAt);

    /// <summary>Null for an unknown or draft cycle; no announcements before publication.</summary>
    public async Task<CycleResults?> ForCycleAsync(string slug, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Categories).Include(c => c.Rounds).Include(c => c.Schedule)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Slug == slug && c.Phase != CyclePhase.Draft, cancellationToken);
        if (cycle is null)
            return null;
        var published = await db.Publications.AsNoTracking()
            .Where(p => p.CycleId == cycle.Id && p.PublishedAt != null)
            .ToListAsync(cancellationToken);
        if (published.Count == 0)
            return new CycleResults(cycle.Id, cycle.Slug, cycle.Title, cycle.TitleEn, cycle.Year, cycle.TimeZone, []);

        var views = await standings.LoadAsync(cycle, tracked: false, cancellationToken);
        var counts = await DownloadPublishedCount.FindAsync(db, cycle, cancellationToken);
        var laureateIds = published.Select(p => p.LaureateNominationId).Distinct().ToList();
        var laureates = await db.Nominations.AsNoTracking().Where(n => laureateIds.Contains(n.Id))
            .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { n.Id, l.Name, n.PublicSummary })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var shown = views.SelectMany(v => v.Finalists.Select(f => f.NominationId)).Concat(laureateIds).Distinct().ToList();
        var photos = (await db.Attachments.AsNoTracking()
                .Where(a => shown.Contains(a.NominationId) && a.EndorsementId == null && a.Kind == AttachmentKind.Photo
                            && a.PublicAfterPublication && a.ConsentGiven)
                .OrderBy(a => a.Id)
                .Select(a => new { a.NominationId, a.Id, a.Caption, a.Credit, a.Licence })
                .ToListAsync(cancellationToken))
            .ToLookup(a => a.NominationId, a => new Photo(a.Id, a.Caption, a.Credit, a.Licence));

        var announcements = new List<Announcement>();
        foreach (var view in views)
        {
            var history = published.Where(p => p.CategoryId == view.Category.Id).OrderByDescending(p => p.Sequence).ToList();
            if (history.Count == 0)
                continue;
            var current = history[0];
            var laureate = laureates[current.LaureateNominationId];
            var shortlist = view.Finalists
                .Select(f => new Nominee(f.NominationId, f.LibraryName, f.PublicSummary, f.NominationId == current.LaureateNominationId, photos[f.NominationId].ToList()))
                .ToList();
            announcements.Add(new Announcement(current.Id, view.Category.Id, view.Category.Name, view.Category.NameEn,
                new Nominee(current.LaureateNominationId, laureate.Name, laureate.PublicSummary, true, photos[current.LaureateNominationId].ToList()),
                current.Citation, current.CitationEn, current.PublishedAt!.Value, shortlist, current.CorrectionNote, current.CorrectionNoteEn,
                history.Skip(1).Select(p => new Earlier(p.Id, laureates[p.LaureateNominationId].Name, p.Citation, p.CitationEn, p.PublishedAt!.Value)).ToList(),
                counts.TryGetValue(view.Category.Id, out var count) ? new PublicCount(count.RoundNumber, count.Result.BallotFileSha256) : null));
        }
        return new CycleResults(cycle.Id, cycle.Slug, cycle.Title, cycle.TitleEn, cycle.Year, cycle.TimeZone, announcements);
    }

    /// <summary>Every laureate ever announced (the current announcement of each category), newest year first.</summary>
    public async Task<IReadOnlyList<ArchiveEntry>> ArchiveAsync(CancellationToken cancellationToken)
    {
        var rows = await (
                from publication in db.Publications.AsNoTracking()
                where publication.PublishedAt != null
                      // A published correction replaces what it corrects; one still being written does not.
                      && !db.Publications.Any(c => c.CorrectsPublicationId == publication.Id && c.PublishedAt != null)
                join cycle in db.Cycles on publication.CycleId equals cycle.Id
                join category in db.Categories on publication.CategoryId equals category.Id
                join nomination in db.Nominations on publication.LaureateNominationId equals nomination.Id
                join library in db.Libraries on nomination.LibraryId equals library.Id
                where cycle.Phase != CyclePhase.Draft
                select new
                {
                    cycle.Year, cycle.Slug, cycle.Title, cycle.TitleEn, CategoryName = category.Name, CategoryNameEn = category.NameEn,
                    category.Order, Categories = db.Categories.Count(c => c.CycleId == cycle.Id), LibraryName = library.Name,
                    publication.Citation, publication.CitationEn, publication.PublishedAt,
                })
            .ToListAsync(cancellationToken);
        return rows
            .OrderByDescending(r => r.Year).ThenBy(r => r.Slug, StringComparer.Ordinal).ThenBy(r => r.Order)
            .Select(r => new ArchiveEntry(r.Year, r.Slug, r.Title, r.TitleEn, r.CategoryName, r.CategoryNameEn, r.Categories > 1,
                r.LibraryName, r.Citation, r.CitationEn, r.PublishedAt!.Value))
            .ToList();
    }
}
