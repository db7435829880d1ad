using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Infrastructure.Results;

/// <summary>
/// Where each category of a cycle stands on the way to its announcement: the final round's result, its laureate
/// (by <see cref="Laureates"/>), the finalists as nominations, and the category's announcements, first and corrections.
/// </summary>
public sealed class ResultStandings(AppDbContext db)
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
        var finalRound = cycle.Rounds.MaxBy(r => r.Number);
        var results = finalRound is null
            ? []
            : await db.RoundResults.AsNoTracking().Where(r => r.RoundId == finalRound.Id).ToListAsync(cancellationToken);
        var publications = await (tracked ? db.Publications : db.Publications.AsNoTracking())
            .Where(p => p.CycleId == cycle.Id)
            .ToListAsync(cancellationToken);
        // The count named each candidate after its library, among the category's judged nominations (CountRoundJob).
        var judged = await db.Nominations.AsNoTracking()
            .Where(n => n.CycleId == cycle.Id && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
            .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { n.Id, n.CategoryId, n.LibraryId, l.Name, n.PublicSummary })
            .OrderBy(x => x.Id)
            .ToListAsync(cancellationToken);

        var views = new List<CategoryView>();
        foreach (var category in cycle.Categories.OrderBy(c => c.Order))
        {
            var result = results.SingleOrDefault(r => r.CategoryId == category.Id);
            var inCategory = judged.Where(n => n.CategoryId == category.Id).ToList();
            var byName = new Dictionary<string, Finalist>();
            foreach (var n in inCategory)
                byName[CountRoundJob.BallotName(n.Name, n.Id, inCategory.Count(x => x.Name == n.Name) > 1)] = new Finalist(n.Id, n.LibraryId, n.Name, n.PublicSummary);
            var finalists = Laureates.Finalists(result)
                .Select(name => byName.GetValueOrDefault(name))
                .OfType<Finalist>()
                .OrderBy(f => f.LibraryName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("lv"), false))
                .ToList();
            var decision = Laureates.Of(result);
            int? laureateId = null;
            if (decision.Name is { } name)
            {
                if (byName.TryGetValue(name, out var laureate))
                    laureateId = laureate.NominationId;
                else
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
