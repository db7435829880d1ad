using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.PeoplesChoice;

/// <summary>A category's nominee with its votes so far, for a live count or the stored one.</summary>
public sealed record NomineeTally(int NominationId, int CategoryId, string LibraryName, long Votes);

/// <summary>
/// Reads and counts the confirmed votes. The database groups them (one row per nominee comes back, however many
/// votes there are); the stored count is made once per cycle and category, after close, under a unique key, so
/// the job that makes it may run twice or on two nodes.
/// </summary>
public sealed class PeoplesChoiceCounter(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>Every nominee in the running with its confirmed votes (zero included), by category.</summary>
    public async Task<List<NomineeTally>> TallyAsync(int cycleId, CancellationToken cancellationToken)
    {
        var votes = await db.PeoplesChoiceVotes
            .Where(v => v.CycleId == cycleId)
            .GroupBy(v => v.NominationId)
            .Select(g => new { NominationId = g.Key, Votes = g.LongCount() })
            .ToDictionaryAsync(x => x.NominationId, x => x.Votes, cancellationToken);
        return (await NomineesAsync(cycleId, cancellationToken))
            .Select(n => n with { Votes = votes.GetValueOrDefault(n.NominationId) }).ToList();
    }

    /// <summary>The nominees in the running (submitted, not withdrawn, found eligible), without their votes.</summary>
    public Task<List<NomineeTally>> NomineesAsync(int cycleId, CancellationToken cancellationToken) => (
            from nomination in db.Nominations
            join library in db.Libraries on nomination.LibraryId equals library.Id
            where nomination.CycleId == cycleId && nomination.Status == NominationStatus.Submitted
                  && nomination.Eligibility == EligibilityDecision.Eligible && nomination.WithdrawnAt == null
            orderby nomination.Id
            select new NomineeTally(nomination.Id, nomination.CategoryId, library.Name, 0))
        .AsNoTracking()
        .ToListAsync(cancellationToken);

    /// <summary>Stores the count of every category of a closed vote that has none yet; returns how many it stored.</summary>
    public async Task<int> CountAsync(int cycleId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Categories).SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || !PeoplesChoiceRules.CanBeCounted(cycle.PeoplesChoice, cycle.Phase, now))
            return 0;
        var counted = await db.PeoplesChoiceResults.Where(r => r.CycleId == cycleId).Select(r => r.CategoryId).ToListAsync(cancellationToken);
        var pending = cycle.Categories.Where(c => !counted.Contains(c.Id)).OrderBy(c => c.Order).ToList();
        if (pending.Count == 0)
            return 0;

        var tally = await TallyAsync(cycleId, cancellationToken);
        var stored = 0;
        foreach (var category in pending)
        {
            var nominees = tally.Where(t => t.CategoryId == category.Id)
                .Select(t => new NomineeVotes(t.NominationId, t.LibraryName, t.Votes)).ToList();
            var count = PeoplesChoiceCount.Count(nominees);
            var result = new PeoplesChoiceResult
            {
                CycleId = cycleId,
                CategoryId = category.Id,
                Votes = nominees.Sum(n => n.Votes),
                BallotFile = count.BallotFile,
                BallotFileSha256 = count.Sha256,
                ProtocolJson = count.Protocol.ToJson(),
                CountedAt = now,
            };
            db.PeoplesChoiceResults.Add(result);
            audit.Record("peoples-choice.counted", "PeoplesChoiceResult", $"{cycleId}:{category.Id}",
                after: new { result.Votes, result.BallotFileSha256, count.Protocol.Outcome, Winner = count.Protocol.Order.FirstOrDefault()?.Name },
                cycleId: cycleId);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                stored++;
            }
            catch (DbUpdateException exception) when (DbErrors.IsUniqueViolation(exception))
            {
                // Another run stored this count first: the unique key kept one result.
                db.ChangeTracker.Clear();
            }
        }
        return stored;
    }
}
