using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ballots;

/// <summary>
/// The round a cycle is judging, as the ballot use cases and the jury's pages read it: the cycle with what judging
/// needs, the shortlist a later round ranks, and why ballots cannot be cast now.
/// </summary>
public static class JudgingRound
{
    public static Task<AwardCycle> LoadCycleAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.Cycles.Include(c => c.Schedule).Include(c => c.Rounds).Include(c => c.Categories)
            .Include(c => c.Criteria.OrderBy(x => x.Order)).ThenInclude(c => c.Levels)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == cycleId, cancellationToken);

    /// <summary>
    /// The nominations a round judges in a category: in the first round every judged one (submitted and found
    /// eligible), whatever its kind — so a statute whose only round is ranked ranks them all; in a later round the
    /// shortlist the previous round left. The ballots, the ranking page and the count all ask here.
    /// </summary>
    public static async Task<HashSet<int>> JudgedNominationsAsync(AppDbContext db, AwardCycle cycle, Round round, int categoryId,
        CancellationToken cancellationToken)
    {
        var previous = cycle.Rounds.SingleOrDefault(r => r.Number == round.Number - 1);
        if (previous is null)
            return (await db.Nominations
                    .Where(n => n.CycleId == cycle.Id && n.CategoryId == categoryId
                                && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
                    .Select(n => n.Id)
                    .ToListAsync(cancellationToken))
                .ToHashSet();
        return (await db.Shortlist.Where(s => s.RoundId == previous.Id && s.CategoryId == categoryId).Select(s => s.NominationId)
            .ToListAsync(cancellationToken)).ToHashSet();
    }

    /// <summary>
    /// Inside a ballot's transaction: takes the cycle's row lock, then asks again whether the round is open. A phase
    /// move and the count take the same lock (the move by updating the row, the count by <see cref="LockCycleAsync"/>),
    /// so none can pass between this check and the ballot's commit: a ballot is either in before the round closes and
    /// read by its count, or refused — never saved after a count that did not read it.
    /// </summary>
    public static async Task<Refusal?> WhyClosedUnderLockAsync(AppDbContext db, int cycleId, BallotKind kind, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        await LockCycleAsync(db, cycleId, cancellationToken);
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Schedule).Include(c => c.Rounds).AsSplitQuery()
            .SingleAsync(c => c.Id == cycleId, cancellationToken);
        // The time is read once the lock is held: the wait for it may have outlasted the round.
        return WhyClosed(cycle, kind, clock.GetUtcNow());
    }

    /// <summary>
    /// Locks the cycle's row until the current transaction ends, with a write that changes nothing (on SQLite the
    /// write takes the database's lock, which serialises the same way).
    /// </summary>
    public static Task LockCycleAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.Cycles.Where(c => c.Id == cycleId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Version, c => c.Version), cancellationToken);

    /// <summary>Why ballots of this kind cannot be cast now, or null.</summary>
    public static Refusal? WhyClosed(AwardCycle cycle, BallotKind kind, DateTimeOffset now)
    {
        var round = cycle.Rounds.SingleOrDefault(r => r.Number == cycle.RoundNumber);
        if (cycle.Phase != CyclePhase.Judging || round is null)
            return Refusal.Conflict(RefusalCode.NoRoundOpen);
        if (round.Kind != kind)
            return Refusal.Conflict(kind == BallotKind.Score ? RefusalCode.RoundIsRanked : RefusalCode.RoundIsScored);
        if (!JudgingRules.AcceptsBallots(cycle, round.Number, now))
        {
            var closes = JudgingRules.RoundClosesAt(cycle, round.Number);
            return closes is null
                ? Refusal.Conflict(RefusalCode.RoundClosed)
                : Refusal.Conflict(RefusalCode.RoundClosedOn, new ZonedTime(closes.Value, cycle.TimeZone));
        }
        return null;
    }
}
