using AwardVote.Domain.Counting;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ties;

/// <summary>A counted result whose first-place tie waits for the chair: the id the casting vote is given on.</summary>
public sealed record AwaitingTie(int ResultId, int RoundNumber, IReadOnlyList<string> Tied);

/// <summary>
/// The counted results of a panel whose first-place tie waits for the chair's casting vote: the chair's desk points
/// at them, and the API lists them with the result ids <see cref="CastCastingVote"/> needs.
/// </summary>
public sealed class TiesAwaitingCastingVote(AppDbContext db) : IUseCase
{
    public async Task<List<AwaitingTie>> RunAsync(int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        var results = await db.RoundResults.AsNoTracking()
            .Where(r => r.CategoryId == categoryId && r.Outcome == RoundOutcome.UnbrokenTie
                        && db.Rounds.Any(x => x.Id == r.RoundId && x.CycleId == cycleId)
                        && !db.CastingVotes.Any(v => v.RoundResultId == r.Id))
            .Join(db.Rounds, r => r.RoundId, x => x.Id, (r, x) => new { r.Id, x.Number, r.ProtocolJson })
            .OrderBy(r => r.Number).ThenBy(r => r.Id)
            .ToListAsync(cancellationToken);
        return results.Select(r => new AwaitingTie(r.Id, r.Number, TieRules.TiedForFirst(CountProtocol.FromJson(r.ProtocolJson)))).ToList();
    }
}
