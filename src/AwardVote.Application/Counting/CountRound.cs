using System.Text;
using AwardVote.Application.Ballots;
using AwardVote.Application.Cycles;
using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AwardVote.Application.Counting;

/// <summary>
/// Counts every judging round of a cycle whose close has come, once per round and category: the result (with its
/// canonical ballot file, SHA-256 and protocol) is stored under a unique key, so a second run, or a run on another
/// node, stores nothing more. A scoring round followed by another leaves its shortlist; when the last round of every
/// category is counted, the cycle moves from counting to results review. <see cref="CountRoundJob"/> runs it for
/// every cycle being judged.
/// </summary>
public sealed class CountRound(AppDbContext db, AuditLog audit, TimeProvider clock, ILogger<CountRound> logger) : IUseCase
{
    /// <summary>The number of results stored now (0 when everything due was counted before).</summary>
    public async Task<int> RunAsync(int cycleId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        db.ChangeTracker.Clear();
        var cycle = await db.Cycles
            .Include(c => c.Schedule).Include(c => c.Rounds).Include(c => c.Categories).Include(c => c.Criteria).Include(c => c.TieBreakChain)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle is null || !Counts(cycle.Phase))
            return 0;
        var counted = 0;
        foreach (var round in cycle.Rounds.Where(r => r.Number <= cycle.RoundNumber && JudgingRules.RoundIsClosed(cycle, r.Number, now)).OrderBy(r => r.Number))
        {
            foreach (var category in cycle.Categories.OrderBy(c => c.Order))
            {
                if (await CountAsync(cycle, round, category, now, cancellationToken))
                    counted++;
            }
        }
        await FinishCountingAsync(cycleId, now, cancellationToken);
        return counted;
    }

    /// <summary>The phases in which a closed round may wait for its count.</summary>
    public static bool Counts(CyclePhase phase) => phase is CyclePhase.Judging or CyclePhase.Shortlist or CyclePhase.Counting;

    private async Task<bool> CountAsync(AwardCycle cycle, Round round, Category category, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.RoundResults.AnyAsync(r => r.RoundId == round.Id && r.CategoryId == category.Id, cancellationToken))
            return false;
        // The ballots are read under the cycle's row lock, which every ballot takes to check the round is open: a
        // ballot still being saved is waited for and counted, and one after this sees the round closed.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await JudgingRound.LockCycleAsync(db, cycle.Id, cancellationToken);

        var candidates = await RoundCandidates.ForAsync(db, cycle, round, category.Id, cancellationToken);
        // A repeat ballot judges only the categories left undecided; the others keep the result they have.
        if (round.RepeatOfRoundId is not null && candidates.Count == 0)
            return false;
        var conflicts = (await db.Conflicts
                // A conflict still waiting for its decision at the count is a recusal too: the juror's ballot on that
                // nomination was refused from the proposal on, and one cast before it must not count unexamined.
                .Where(c => c.CycleId == cycle.Id && (c.Status == ConflictStatus.Confirmed || c.Status == ConflictStatus.Proposed))
                .Select(c => new { c.JurorUserId, c.NominationId })
                .ToListAsync(cancellationToken))
            .Select(c => (c.JurorUserId, c.NominationId))
            .ToHashSet();
        var chain = cycle.TieBreakChain.OrderBy(t => t.Order)
            .Select(t => new TieBreakLink(t.Rule, cycle.Criteria.FirstOrDefault(c => c.Id == t.CriterionId)?.Name))
            .ToList();
        var winRule = WinRequirement.From(cycle.WinRule);

        string ballotFile;
        string sha256;
        CountProtocol protocol;
        IReadOnlyList<string> shortlist = [];
        switch (round.Kind)
        {
            // ScoreCounter knows one method, the weighted mean: a score round of any other method has no count yet.
            case BallotKind.Score when round.Method == CountingMethod.WeightedMean:
            {
                var (lines, incomplete) = await ScoreLinesAsync(cycle, round, candidates, conflicts, cancellationToken);
                ballotFile = ScoreBallotFile.Write(lines);
                sha256 = BallotFileWriter.Sha256Hex(ballotFile);
                protocol = ScoreCounter.Count(lines, new ScoreCountOptions
                {
                    Weights = cycle.Criteria.ToDictionary(c => c.Name, c => c.Weight),
                    ShortlistSize = round.ShortlistSize,
                    TieBreakChain = chain,
                    WinRule = winRule,
                }) with { BallotFileSha256 = sha256, IncompleteBallotsLeftOut = incomplete };
                shortlist = protocol.Score?.Shortlist ?? [];
                break;
            }
            case BallotKind.Ranked:
            {
                // Throws for a method that is not a ranked one, or not mapped: never counted as another method.
                var method = CountingMethods.ToRanked(round.Method);
                var ballots = BallotFileParser.Parse(await RankedFileAsync(round, category.Id, candidates, conflicts, cancellationToken), round.AllowEqualRanks);
                ballotFile = BallotFileWriter.Write(ballots);
                sha256 = ballots.Sha256;
                protocol = RankedCounter.Count(ballots, method, new RankedCountOptions { TieBreakChain = chain, WinRule = winRule })
                    with { BallotFileSha256 = sha256 };
                break;
            }
            default:
                throw new InvalidOperationException(
                    $"Round {round.Number} of cycle {cycle.Id} has {round.Kind} ballots and counting method {round.Method}: no counter counts that.");
        }

        var result = new RoundResult
        {
            RoundId = round.Id,
            CategoryId = category.Id,
            Method = protocol.Method,
            Outcome = RoundOutcomes.Of(protocol.Outcome),
            BallotFile = ballotFile,
            BallotFileSha256 = sha256,
            ProtocolJson = protocol.ToJson(),
            CountedAt = now,
        };
        db.RoundResults.Add(result);
        var nextRound = cycle.Rounds.Any(r => r.Number == round.Number + 1);
        if (nextRound)
        {
            var byName = candidates.ToDictionary(c => c.Name, c => c.Id);
            db.Shortlist.AddRange(shortlist.Select((name, i) => new ShortlistEntry
            {
                RoundId = round.Id, CategoryId = category.Id, NominationId = byName[name], Position = i + 1,
            }));
        }
        audit.Record("round.counted", "RoundResult", $"{round.Id}:{category.Id}",
            after: new { result.Method, result.Outcome, result.BallotFileSha256, Shortlist = shortlist }, cycleId: cycle.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another run stored this count first: the unique key kept one result.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return false;
        }
        logger.LogInformation("Counted round {Round} of cycle {Cycle}, category {Category}: {Outcome}", round.Number, cycle.Id, category.Id, result.Outcome);
        return true;
    }

    /// <summary>
    /// The lines of the complete ballots (<see cref="JudgingRules.IsComplete"/>, the progress board's definition too),
    /// and how many incomplete ones were left out: a half-filled ballot averaged over the criteria the juror happened
    /// to fill would weigh more than a finished one.
    /// </summary>
    private async Task<(List<ScoreLine> Lines, int Incomplete)> ScoreLinesAsync(AwardCycle cycle, Round round, List<(int Id, string Name)> candidates,
        HashSet<(string, int)> conflicts, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.Id).ToList();
        var ballots = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .Where(b => b.RoundId == round.Id && ids.Contains(b.NominationId) && !b.Abstained)
            .ToListAsync(cancellationToken);
        // A secret round's file names no juror: each gets a number, in a fixed order so recounts agree.
        var jurors = AnonymousJurors.Codes(ballots.Select(b => b.JurorUserId));
        var names = candidates.ToDictionary(c => c.Id, c => c.Name);
        var criteria = cycle.Criteria.ToDictionary(c => c.Id, c => c.Name);
        var counted = ballots.Where(b => !conflicts.Contains((b.JurorUserId, b.NominationId))).ToList();
        var complete = counted.Where(b => JudgingRules.IsComplete(b, cycle.Criteria)).ToList();
        return (complete
            .SelectMany(b => b.Scores.Where(s => criteria.ContainsKey(s.CriterionId))
                .Select(s => new ScoreLine(jurors[b.JurorUserId], names[b.NominationId], criteria[s.CriterionId], s.Score)))
            .ToList(), counted.Count - complete.Count);
    }

    private async Task<string> RankedFileAsync(Round round, int categoryId, List<(int Id, string Name)> candidates,
        HashSet<(string, int)> conflicts, CancellationToken cancellationToken)
    {
        var names = candidates.ToDictionary(c => c.Id, c => c.Name);
        var ballots = await db.RankedBallots.AsNoTracking().Include(b => b.Ranks)
            .Where(b => b.RoundId == round.Id && b.CategoryId == categoryId)
            .ToListAsync(cancellationToken);
        var text = new StringBuilder();
        foreach (var ballot in ballots)
        {
            var groups = ballot.Ranks
                .Where(r => names.ContainsKey(r.NominationId) && !conflicts.Contains((ballot.JurorUserId, r.NominationId)))
                .GroupBy(r => r.Rank).OrderBy(g => g.Key)
                .Select(g => string.Join(" = ", g.Select(r => names[r.NominationId])));
            var line = string.Join(" > ", groups);
            if (line.Length == 0)
                continue;
            // A recused juror's ballot says nothing about the nominee ("~"), rather than leaving it off, which would
            // rank it below every other and count against it (ADR 0005, "Recusals").
            var recusedFrom = candidates.Where(c => conflicts.Contains((ballot.JurorUserId, c.Id))).Select(c => c.Name).ToList();
            if (recusedFrom.Count > 0)
                line += " ~ " + string.Join(", ", recusedFrom);
            text.Append(line).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>Counting ends when the last round of every category has its result: the cycle goes to review.</summary>
    private async Task FinishCountingAsync(int cycleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var cycle = await db.Cycles.Include(c => c.Schedule).Include(c => c.Rounds).Include(c => c.Categories)
            .SingleAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle.Phase != CyclePhase.Counting)
            return;
        var last = cycle.Rounds.MaxBy(r => r.Number)!;
        var results = await db.RoundResults.CountAsync(r => r.RoundId == last.Id, cancellationToken);
        var expected = last.RepeatOfRoundId is { } repeated
            ? await db.Shortlist.Where(s => s.RoundId == repeated).Select(s => s.CategoryId).Distinct().CountAsync(cancellationToken)
            : cycle.Categories.Count;
        if (results < expected || PhasePlan.NextStep(cycle) is not { Phase: CyclePhase.ResultsReview } review)
            return;
        await CycleTransitions.MoveAsync(db, audit, cycle, review, now, "Every category of the last round is counted",
            CycleTransitions.AdvancedByClock, cancellationToken);
    }
}
