using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Judging;

/// <summary>A juror's scores for one nomination, as a page or the API hands them over.</summary>
public sealed record ScoreBallotInput(
    int NominationId,
    IReadOnlyDictionary<int, int?> Scores,
    bool Abstained,
    string? Comment,
    string? PrivateNotes,
    Guid? Version);

/// <summary>A juror's ranking of a panel's shortlist: nomination id → rank (1 first; null or missing = not ranked).</summary>
public sealed record RankedBallotInput(int CycleId, int CategoryId, IReadOnlyDictionary<int, int?> Ranks, Guid? Version);

public sealed record BallotResult(bool Succeeded, string? Error, bool Forbidden = false)
{
    public static readonly BallotResult Done = new(true, null);
    public static BallotResult Refused(string error) => new(false, error);
    public static readonly BallotResult NotAllowed = new(false, null, Forbidden: true);
}

/// <summary>
/// The one place where ballots are cast and changed, for pages, the API and paper ballots: the juror sits on the
/// panel, has no confirmed conflict, the round is open by the server's clock, the scores fit the scale. "One
/// ballot per juror, nomination and round" is the database's unique key; a racing second insert becomes an update.
/// </summary>
public sealed class BallotBox(
    AppDbContext db,
    JuryMembership jury,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l)
{
    private const int MaxAttempts = 50;

    public async Task<BallotResult> CastScoreAsync(string jurorId, ScoreBallotInput input, string? enteredBy = null,
        CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == input.NominationId, cancellationToken);
        if (nomination is null || !await jury.IsJurorAsync(jurorId, nomination.CycleId, nomination.CategoryId))
            return BallotResult.NotAllowed;
        var cycle = await LoadCycleAsync(nomination.CycleId, cancellationToken);
        if (await WhyClosedAsync(cycle, BallotKind.Score, cancellationToken) is { } closed)
            return BallotResult.Refused(closed);
        var round = cycle.Rounds.Single(r => r.Number == cycle.RoundNumber);
        if (!await IsOnBallotAsync(cycle, round, nomination, cancellationToken))
            return BallotResult.Refused(l["This nomination is not judged in this round."]);
        if ((await jury.ConflictedNominationsAsync(jurorId, cycle.Id)).Contains(nomination.Id))
            return BallotResult.Refused(l["You have a conflict of interest with this nomination: you cannot score it."]);
        if (JudgingRules.Check(input.Scores, cycle.Criteria).Count > 0)
            return BallotResult.Refused(l["Each score must be one of the values of its criterion's scale."]);

        for (var attempt = 0; ; attempt++)
        {
            var ballot = await db.ScoreBallots.Include(b => b.Scores)
                .SingleOrDefaultAsync(b => b.RoundId == round.Id && b.NominationId == nomination.Id && b.JurorUserId == jurorId, cancellationToken);
            if (ballot is not null && input.Version is { } version && ballot.Version != version && attempt == 0)
                return BallotResult.Refused(l["This ballot was changed meanwhile (another tab?). Nothing was saved; what you entered is still in the form. Open it again to see the saved scores."]);
            var before = ballot is null ? null : Snapshot(ballot);
            if (ballot is null)
            {
                ballot = new ScoreBallot { RoundId = round.Id, NominationId = nomination.Id, JurorUserId = jurorId };
                db.ScoreBallots.Add(ballot);
            }
            ballot.Abstained = input.Abstained;
            ballot.Comment = Clean(input.Comment);
            ballot.PrivateNotes = Clean(input.PrivateNotes);
            ballot.IsPaperBallot = enteredBy is not null;
            ballot.EnteredByUserId = enteredBy;
            ballot.UpdatedAt = clock.GetUtcNow();
            ballot.Version = Guid.NewGuid();
            // Entries change in place (one per criterion): deleting and re-inserting them would collide with a
            // racing request on the (ballot, criterion) unique key instead of failing on the ballot's version.
            foreach (var criterion in cycle.Criteria)
            {
                var score = !input.Abstained && input.Scores.TryGetValue(criterion.Id, out var value) ? value : null;
                if (ballot.Scores.FirstOrDefault(e => e.CriterionId == criterion.Id) is { } entry)
                    entry.Score = score;
                else
                    ballot.Scores.Add(new ScoreEntry { CriterionId = criterion.Id, Score = score });
            }
            audit.Record(enteredBy is null ? "ballot.score-saved" : "ballot.paper-score-entered", "ScoreBallot",
                $"{round.Id}:{nomination.Id}:{jurorId}", before, Snapshot(ballot), cycleId: cycle.Id);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return BallotResult.Done;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another request of the same juror inserted or changed the ballot first (two tabs, a double click):
                // the unique key kept one ballot and the version refused the stale change; apply this one again on
                // top of it. Each failure means another write succeeded, so this ends.
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }

    public async Task<BallotResult> CastRankedAsync(string jurorId, RankedBallotInput input, string? enteredBy = null,
        CancellationToken cancellationToken = default)
    {
        if (!await jury.IsJurorAsync(jurorId, input.CycleId, input.CategoryId))
            return BallotResult.NotAllowed;
        var cycle = await LoadCycleAsync(input.CycleId, cancellationToken);
        if (await WhyClosedAsync(cycle, BallotKind.Ranked, cancellationToken) is { } closed)
            return BallotResult.Refused(closed);
        var round = cycle.Rounds.Single(r => r.Number == cycle.RoundNumber);
        var candidates = await ShortlistAsync(cycle, round, input.CategoryId, cancellationToken);
        var conflicted = await jury.ConflictedNominationsAsync(jurorId, cycle.Id);
        var ranks = input.Ranks.Where(r => r.Value is not null).ToDictionary(r => r.Key, r => r.Value!.Value);
        if (ranks.Keys.Any(id => !candidates.Contains(id)))
            return BallotResult.Refused(l["Only the shortlisted nominations can be ranked."]);
        if (ranks.Keys.Any(conflicted.Contains))
            return BallotResult.Refused(l["You have a conflict of interest with this nomination: you cannot score it."]);
        if (ranks.Values.Any(rank => rank < 1 || rank > candidates.Count))
            return BallotResult.Refused(l["Each rank must be between 1 and {0}.", candidates.Count]);
        if (!round.AllowEqualRanks && ranks.Values.Distinct().Count() != ranks.Count)
            return BallotResult.Refused(l["The statute does not allow equal ranks: give each nomination its own place."]);

        for (var attempt = 0; ; attempt++)
        {
            var ballot = await db.RankedBallots.Include(b => b.Ranks)
                .SingleOrDefaultAsync(b => b.RoundId == round.Id && b.CategoryId == input.CategoryId && b.JurorUserId == jurorId, cancellationToken);
            if (ballot is not null && input.Version is { } version && ballot.Version != version && attempt == 0)
                return BallotResult.Refused(l["This ballot was changed meanwhile (another tab?). Nothing was saved; what you entered is still in the form. Open it again to see the saved scores."]);
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
                return BallotResult.Done;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }

    /// <summary>The nominations a ranked round ranks: the shortlist the previous round left.</summary>
    public async Task<HashSet<int>> ShortlistAsync(AwardCycle cycle, Round round, int categoryId, CancellationToken cancellationToken)
    {
        var previous = cycle.Rounds.SingleOrDefault(r => r.Number == round.Number - 1);
        if (previous is null)
            return [];
        return (await db.Shortlist.Where(s => s.RoundId == previous.Id && s.CategoryId == categoryId).Select(s => s.NominationId)
            .ToListAsync(cancellationToken)).ToHashSet();
    }

    public Task<AwardCycle> LoadCycleAsync(int cycleId, CancellationToken cancellationToken) =>
        db.Cycles.Include(c => c.Schedule).Include(c => c.Rounds).Include(c => c.Categories)
            .Include(c => c.Criteria.OrderBy(x => x.Order)).ThenInclude(c => c.Levels)
            .AsSplitQuery()
            .SingleAsync(c => c.Id == cycleId, cancellationToken);

    /// <summary>Why ballots of this kind cannot be cast now, or null.</summary>
    public Task<string?> WhyClosedAsync(AwardCycle cycle, BallotKind kind, CancellationToken cancellationToken)
    {
        var round = cycle.Rounds.SingleOrDefault(r => r.Number == cycle.RoundNumber);
        if (cycle.Phase != CyclePhase.Judging || round is null)
            return Task.FromResult<string?>(l["No judging round is open."]);
        if (round.Kind != kind)
            return Task.FromResult<string?>(kind == BallotKind.Score ? l["This round is a ranked ballot, not scores."] : l["This round is scored, not ranked."]);
        if (!JudgingRules.AcceptsBallots(cycle, round.Number, clock.GetUtcNow()))
        {
            var closes = JudgingRules.RoundClosesAt(cycle, round.Number);
            return Task.FromResult<string?>(closes is null
                ? l["The round is closed."]
                : l["The round closed on {0}. Nothing was saved.", DisplayNames.LocalTime(closes.Value, cycle.TimeZone)]);
        }
        return Task.FromResult<string?>(null);
    }

    private async Task<bool> IsOnBallotAsync(AwardCycle cycle, Round round, Nomination nomination, CancellationToken cancellationToken) =>
        JudgingRules.IsJudged(nomination)
        && (round.Number == 1 || (await ShortlistAsync(cycle, round, nomination.CategoryId, cancellationToken)).Contains(nomination.Id));

    private static object Snapshot(ScoreBallot ballot) => new
    {
        ballot.Abstained,
        ballot.Comment,
        ballot.IsPaperBallot,
        Scores = ballot.Scores.Select(s => new { s.CriterionId, s.Score }).ToList(),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
