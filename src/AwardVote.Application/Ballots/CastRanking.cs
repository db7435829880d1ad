using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ballots;

/// <summary>A juror's ranking of a panel's shortlist: nomination id → rank (1 first; null or missing = not ranked).</summary>
public sealed class CastRankingInput
{
    public int CycleId { get; set; }

    public int CategoryId { get; set; }

    public Dictionary<int, int?> Ranks { get; set; } = [];

    /// <summary>The version of the ballot the juror saw (null for a first ranking).</summary>
    public Guid? Version { get; set; }
}

/// <summary>
/// Casts or changes a ranked ballot of a final round, for the ranking page, the API and paper ballots: the same
/// rules as scores (panel, conflicts, open round), only shortlisted nominations, ranks within the shortlist, equal
/// ranks only where the statute allows ties. One ballot per juror, category and round (the unique key).
/// </summary>
public sealed class CastRanking(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    private const int MaxAttempts = 50;

    /// <param name="enteredBy">The administrator entering a paper ballot on the juror's behalf; null when the juror casts it.</param>
    public async Task<Outcome> RunAsync(string jurorId, CastRankingInput input, string? enteredBy, CancellationToken cancellationToken)
    {
        if (!await JuryMembership.IsJurorAsync(db, jurorId, input.CycleId, input.CategoryId, cancellationToken))
            return CastScoreBallot.NotOnPanel(enteredBy);
        var cycle = await JudgingRound.LoadCycleAsync(db, input.CycleId, cancellationToken);
        if (JudgingRound.WhyClosed(cycle, BallotKind.Ranked, clock.GetUtcNow()) is { } closed)
            return closed;
        var round = cycle.Rounds.Single(r => r.Number == cycle.RoundNumber);
        var candidates = await JudgingRound.JudgedNominationsAsync(db, cycle, round, input.CategoryId, cancellationToken);
        var conflicted = await JuryMembership.ConflictedNominationsAsync(db, jurorId, cycle.Id, cancellationToken);
        var ranks = (input.Ranks ?? []).Where(r => r.Value is not null).ToDictionary(r => r.Key, r => r.Value!.Value);
        if (ranks.Keys.Any(id => !candidates.Contains(id)))
            return Refusal.Invalid(nameof(input.Ranks), RefusalCode.NotShortlisted);
        if (ranks.Keys.Any(conflicted.Contains))
            return Refusal.Conflict(RefusalCode.ConflictedNomination);
        var undecided = await JuryMembership.UndecidedConflictNominationsAsync(db, jurorId, cycle.Id, cancellationToken);
        if (ranks.Keys.Any(undecided.Contains))
            return Refusal.Conflict(RefusalCode.ConflictAwaitsDecision);
        if (ranks.Values.Any(rank => rank < 1 || rank > candidates.Count))
            return Refusal.Invalid(nameof(input.Ranks), RefusalCode.RankOutOfRange, candidates.Count);
        if (!round.AllowEqualRanks && ranks.Values.Distinct().Count() != ranks.Count)
            return Refusal.Invalid(nameof(input.Ranks), RefusalCode.EqualRanksNotAllowed);

        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await JudgingRound.WhyClosedUnderLockAsync(db, cycle.Id, BallotKind.Ranked, clock, cancellationToken) is { } closedMeanwhile)
                return closedMeanwhile;
            var ballot = await db.RankedBallots.Include(b => b.Ranks)
                .SingleOrDefaultAsync(b => b.RoundId == round.Id && b.CategoryId == input.CategoryId && b.JurorUserId == jurorId, cancellationToken);
            if (enteredBy is not null && ballot is { IsPaperBallot: false })
                return Refusal.Conflict(RefusalCode.ElectronicBallotExists);
            if (ballot is not null && input.Version is { } version && ballot.Version != version && attempt == 0)
                return Refusal.Conflict(RefusalCode.BallotChangedMeanwhile);
            var before = ballot?.Ranks.OrderBy(r => r.Rank).Select(r => new { r.NominationId, r.Rank }).ToList();
            if (ballot is null)
            {
                ballot = new RankedBallot { RoundId = round.Id, CategoryId = input.CategoryId, JurorUserId = jurorId };
                db.RankedBallots.Add(ballot);
            }
            // In place, for the same reason as score entries: a racing request fails on the version, not on a key.
            ballot.Ranks.RemoveAll(r => !ranks.ContainsKey(r.NominationId));
            foreach (var (nominationId, rank) in ranks)
            {
                if (ballot.Ranks.FirstOrDefault(r => r.NominationId == nominationId) is { } entry)
                    entry.Rank = rank;
                else
                    ballot.Ranks.Add(new RankedEntry { NominationId = nominationId, Rank = rank });
            }
            ballot.IsPaperBallot = enteredBy is not null;
            ballot.EnteredByUserId = enteredBy;
            ballot.UpdatedAt = clock.GetUtcNow();
            ballot.Version = Guid.NewGuid();
            audit.Record(enteredBy is null ? "ballot.ranking-saved" : "ballot.paper-ranking-entered", "RankedBallot",
                $"{round.Id}:{input.CategoryId}:{jurorId}", before, ranks.OrderBy(r => r.Value).Select(r => new { NominationId = r.Key, Rank = r.Value }).ToList(),
                cycleId: cycle.Id);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return Outcome.Done;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }
}
