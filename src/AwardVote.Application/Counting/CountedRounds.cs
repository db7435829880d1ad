using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Counting;

/// <summary>One round of a cycle (a repeat ballot too) with each category's count, when it has one.</summary>
public sealed record RoundCounts(Round Round, IReadOnlyList<CategoryCount> Categories);

/// <summary>
/// A category's count in a round: the stored result, its published protocol (with the chair's casting vote, when cast:
/// <see cref="PublishedProtocols"/>) and the casting vote itself; all null before the count.
/// </summary>
public sealed record CategoryCount(Category Category, RoundResult? Result, CountProtocol? Protocol, CastingVote? CastingVote);

/// <summary>
/// Every round of a cycle with what its count found in each category, for results review (the page) and
/// <c>GET /api/admin/cycles/{id}/rounds</c>. A result exists only once its round has closed, so nothing here can
/// show a count early.
/// </summary>
public sealed class CountedRounds(AppDbContext db, Pseudonyms pseudonyms) : IUseCase
{
    /// <summary>
    /// Whether a round has been counted (in one category, or in any): scores, score exports and jurors' means leave
    /// the system only then — after the round's real close, one-way once it holds a ballot, and its count — never on a
    /// phase position alone (issue 14).
    /// </summary>
    public static Task<bool> IsCountedAsync(AppDbContext db, int roundId, int? categoryId, CancellationToken cancellationToken) =>
        db.RoundResults.AnyAsync(r => r.RoundId == roundId && (categoryId == null || r.CategoryId == categoryId), cancellationToken);

    /// <summary>The rounds in order, categories in the statute's order; null for a cycle that does not exist.</summary>
    public async Task<IReadOnlyList<RoundCounts>?> RunAsync(int cycleId, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Rounds).Include(c => c.Categories).AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null)
            return null;
        var roundIds = cycle.Rounds.Select(r => r.Id).ToList();
        var results = await db.RoundResults.AsNoTracking().Where(r => roundIds.Contains(r.RoundId)).ToListAsync(cancellationToken);
        var resultIds = results.Select(r => r.Id).ToList();
        var castingVotes = await db.CastingVotes.AsNoTracking().Where(v => resultIds.Contains(v.RoundResultId))
            .ToDictionaryAsync(v => v.RoundResultId, cancellationToken);
        var protocols = await PublishedProtocols.ForAsync(db, pseudonyms, results, cancellationToken);
        return cycle.Rounds.OrderBy(r => r.Number)
            .Select(round => new RoundCounts(round, cycle.Categories.OrderBy(c => c.Order).Select(category =>
            {
                var result = results.FirstOrDefault(r => r.RoundId == round.Id && r.CategoryId == category.Id);
                return new CategoryCount(category, result, result is null ? null : protocols[result.Id],
                    result is null ? null : castingVotes.GetValueOrDefault(result.Id));
            }).ToList()))
            .ToList();
    }
}
