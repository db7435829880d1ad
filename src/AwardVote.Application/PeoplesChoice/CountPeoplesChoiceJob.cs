using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.PeoplesChoice;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.PeoplesChoice;

/// <summary>
/// Counts every people's-choice vote that has closed and has no stored count yet. Safe to run twice or on two
/// nodes: <see cref="PeoplesChoiceCounter"/> stores each category's count under a unique key.
/// </summary>
public sealed class CountPeoplesChoiceJob(AppDbContext db, PeoplesChoiceCounter counter, TimeProvider clock) : IUseCase
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cycleIds = await db.Cycles
            .Where(c => c.Phase != CyclePhase.Draft && c.PeoplesChoice.Enabled && c.PeoplesChoice.ClosesAt != null && c.PeoplesChoice.ClosesAt <= now)
            .Where(c => db.Categories.Count(k => k.CycleId == c.Id) > db.PeoplesChoiceResults.Count(r => r.CycleId == c.Id))
            .Select(c => c.Id)
            .ToListAsync(cancellationToken);
        var stored = 0;
        foreach (var cycleId in cycleIds)
        {
            db.ChangeTracker.Clear();
            stored += await counter.CountAsync(cycleId, cancellationToken);
        }
        return stored;
    }
}
