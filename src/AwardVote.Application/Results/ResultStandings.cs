using AwardVote.Application.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>
/// Where each category of a cycle stands on the way to its announcement: the deciding round's result (the statute's
/// last round, or a repeat ballot after it), its laureate (by <see cref="Laureates"/>, with the chair's casting vote),
/// the finalists as nominations, and the category's announcements, first and corrections. A query the publication's
/// use cases, the publication and citation pages and <see cref="PublicResults"/> share.
/// </summary>
public sealed class ResultStandings(AppDbContext db) : IUseCase
{
    public sealed record Finalist(int NominationId, int LibraryId, string LibraryName, string? PublicSummary);

    /// <param name="History">Every announcement of the category, first one first.</param>
    public sealed record CategoryView(Category Category, RoundResult? FinalResult, CategoryStanding Standing,
        IReadOnlyList<Finalist> Finalists, IReadOnlyList<Publication> History)
    {
        public Finalist? Laureate => Finalists.FirstOrDefault(f => f.NominationId == Standing.LaureateNominationId);
    }

    public Task<AwardCycle?> CycleAsync(int cycleId, CancellationToken cancellationToken) =>
        db.Cycles.Include(c => c.Categories).Include(c => c.Rounds).Include(c => c.Schedule)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);

    /// <summary>
    /// Every category of <paramref name="cycle"/>, in order. Publications are tracked when <paramref name="tracked"/>,
    /// so the publisher changes the very objects the rules read.
    /// </summary>
    public async Task<IReadOnlyList<CategoryView>> LoadAsync(AwardCycle cycle, bool tracked, CancellationToken cancellationToken)
    {
        // The statute's last round decides, unless a repeat ballot was held after it for the category.
        var statuteFinal = cycle.Rounds.Where(r => r.RepeatOfRoundId == null).MaxBy(r => r.Number);
        var deciding = cycle.Rounds.Where(r => r.RepeatOfRoundId != null || r == statuteFinal).ToDictionary(r => r.Id);
        var roundIds = deciding.Keys.ToList();
        var results = await db.RoundResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(cancellationToken);
        var resultIds = results.Select(r => r.Id).ToList();
        var castingVotes = await db.CastingVotes.AsNoTracking().Where(v => resultIds.Contains(v.RoundResultId)).ToListAsync(cancellationToken);
        var publications = await (tracked ? db.Publications : db.Publications.AsNoTracking())
            .Where(p => p.CycleId == cycle.Id)
            .ToListAsync(cancellationToken);
        var nominations = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycle.Id)
            .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { n.Id, n.LibraryId, l.Name, n.PublicSummary })
            .ToDictionaryAsync(x => x.Id, cancellationToken);
        var latvian = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("lv"), false);

        var views = new List<CategoryView>();
        foreach (var category in cycle.Categories.OrderBy(c => c.Order))
        {
            var result = results.Where(r => r.CategoryId == category.Id).MaxBy(r => deciding[r.RoundId].Number);
            // The shortlist the public reads: what the statute's last round judged, once it is counted.
            var finalists = statuteFinal is not null && results.Any(r => r.RoundId == statuteFinal.Id && r.CategoryId == category.Id)
                ? (await RoundCandidates.ForAsync(db, cycle, statuteFinal, category.Id, cancellationToken))
                    .Select(c => nominations[c.Id])
                    .Select(n => new Finalist(n.Id, n.LibraryId, n.Name, n.PublicSummary))
                    .OrderBy(f => f.LibraryName, latvian)
                    .ToList()
                : [];
            var decision = Laureates.Of(result, castingVotes.FirstOrDefault(v => v.RoundResultId == result?.Id));
            int? laureateId = null;
            if (decision.Name is { } name)
            {
                // The count knows nominations by their ballot names: mapped back through the one place that made them.
                var candidates = await RoundCandidates.ForAsync(db, cycle, deciding[result!.RoundId], category.Id, cancellationToken);
                laureateId = candidates.Where(c => c.Name == name).Select(c => (int?)c.Id).SingleOrDefault();
                if (laureateId is null)
                    decision = LaureateDecision.Refused(LaureateRefusal.NoSingleWinner);
            }
            var history = publications.Where(p => p.CategoryId == category.Id).OrderBy(p => p.Sequence).ToList();
            var standing = new CategoryStanding(category.Id, decision, laureateId,
                Pending: history.LastOrDefault(p => !p.IsPublished),
                Current: history.LastOrDefault(p => p.IsPublished));
            views.Add(new CategoryView(category, result, standing, finalists, history));
        }
        return views;
    }
}
