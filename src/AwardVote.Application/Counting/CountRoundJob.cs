using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Counting;

/// <summary>
/// Every minute: counts the closed rounds of every cycle being judged (<see cref="CountRound"/>). Safe to run twice or
/// on two nodes at once, as the count is.
/// </summary>
public sealed class CountRoundJob(AppDbContext db, CountRound count) : IUseCase
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var cycleIds = await db.Cycles
            .Where(c => c.Phase == CyclePhase.Judging || c.Phase == CyclePhase.Shortlist || c.Phase == CyclePhase.Counting)
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var counted = 0;
        foreach (var cycleId in cycleIds)
            counted += await count.RunAsync(cycleId, cancellationToken);
        return counted;
    }
}
