using AwardVote.Application.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>The count behind a published laureate, when the statute lets anyone check it.</summary>
public sealed record PublishedCount(RoundResult Result, int RoundNumber, BallotKind Kind);

/// <summary>
/// Anyone — no sign-in — takes the count behind a published laureate: the anonymised ballot file and the published
/// protocol with its SHA-256, to recount it with <c>awardvote verify</c>. Only after publication, only the count of the
/// category's current announcement, and only when the statute lets the public have counts of that kind
/// (<see cref="AwardCycle.PublicCountFiles"/>); otherwise the answer is "not found", as for a count that does not exist.
/// The results page, its API and this download all ask <see cref="FindAsync"/>.
/// </summary>
public sealed class DownloadPublishedCount(AppDbContext db, Pseudonyms pseudonyms) : IUseCase
{
    public async Task<Outcome<CountDownload>> RunAsync(string slug, int categoryId, CountFile file, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().SingleOrDefaultAsync(c => c.Slug == slug && c.Phase != CyclePhase.Draft, cancellationToken);
        if (cycle is null)
            return Refusal.NotFound;
        var counts = await FindAsync(db, cycle, cancellationToken);
        if (!counts.TryGetValue(categoryId, out var count))
            return Refusal.NotFound;
        return await DownloadCount.FileAsync(db, pseudonyms, count.Result, file, cancellationToken);
    }

    /// <summary>The public counts of a cycle by category: those behind a published announcement that the statute opens.</summary>
    public static async Task<IReadOnlyDictionary<int, PublishedCount>> FindAsync(AppDbContext db, AwardCycle cycle, CancellationToken cancellationToken)
    {
        if (cycle.PublicCountFiles == PublicCountFiles.None)
            return new Dictionary<int, PublishedCount>();
        var current = (await db.Publications.AsNoTracking()
                .Where(p => p.CycleId == cycle.Id && p.PublishedAt != null && p.RoundResultId != null)
                .Select(p => new { p.CategoryId, p.Sequence, p.RoundResultId })
                .ToListAsync(cancellationToken))
            .GroupBy(p => p.CategoryId)
            .Select(g => g.MaxBy(p => p.Sequence)!.RoundResultId!.Value)
            .ToList();
        var results = await db.RoundResults.AsNoTracking().Where(r => current.Contains(r.Id))
            .Join(db.Rounds, r => r.RoundId, round => round.Id, (r, round) => new { Result = r, round.Number, round.Kind })
            .ToListAsync(cancellationToken);
        return results
            .Where(r => cycle.PublicCountFiles.Allows(r.Kind))
            .ToDictionary(r => r.Result.CategoryId, r => new PublishedCount(r.Result, r.Number, r.Kind));
    }
}
