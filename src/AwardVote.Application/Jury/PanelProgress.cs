using AwardVote.Application.Ballots;
using AwardVote.Application.Counting;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// How far one jury panel is with its round: done/assigned per juror and per nomination, and, only once the round is
/// closed, each juror's mean ± standard deviation. Shared by the chair's board, the API and the reminders, so that
/// "unfinished" means the same everywhere.
/// </summary>
public sealed class PanelProgress(AppDbContext db) : IUseCase
{
    /// <param name="Unfinished">The nominations the juror has not finished in the round, by library name.</param>
    /// <param name="LastRemindedAt">When the juror was last sent a reminder for this cycle (by the chair or the job).</param>
    public sealed record JurorRow(string UserId, string Name, string Email, string Culture, bool IsChair, int Complete, int Assigned,
        decimal? Mean, decimal? StandardDeviation, IReadOnlyList<string> UnfinishedNominations, DateTimeOffset? LastRemindedAt)
    {
        public int Unfinished => Assigned - Complete;
    }

    public sealed record NominationRow(int NominationId, string LibraryName, int Complete, int Assigned)
    {
        public bool FullyScored => Complete >= Assigned;
    }

    /// <param name="RoundIsClosed">No ballot can be cast any more (reminders stop).</param>
    /// <param name="ScoresOpen">
    /// The round is closed and counted in this category: only then do <see cref="JurorRow.Mean"/> and its deviation
    /// carry values (<see cref="Counting.CountedRounds.IsCountedAsync"/>).
    /// </param>
    public sealed record Report(AwardCycle Cycle, Category Category, Round? Round, int RoundNumber, bool RoundIsClosed,
        DateTimeOffset? ClosesAt, IReadOnlyList<JurorRow> Jurors, IReadOnlyList<NominationRow> Nominations, bool ScoresOpen);

    /// <summary>The panel's progress in the open round (or the last one); null when the cycle or category does not exist.</summary>
    public Task<Report?> RunAsync(int cycleId, int categoryId, DateTimeOffset now, CancellationToken cancellationToken) =>
        RunAsync(cycleId, categoryId, now, null, cancellationToken);

    /// <summary>
    /// The panel's progress in the given round, which may be an earlier one (the board keeps round 1's mean ± standard
    /// deviation reachable after the final round); null also when the round has not begun or does not exist.
    /// </summary>
    public async Task<Report?> RunAsync(int cycleId, int categoryId, DateTimeOffset now, int? roundNumber, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Schedule).Include(c => c.Rounds).Include(c => c.Criteria)
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        var category = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == categoryId && c.CycleId == cycleId, cancellationToken);
        if (cycle is null || category is null)
            return null;
        var current = Math.Max(1, cycle.RoundNumber);
        if (roundNumber is { } asked && (asked < 1 || asked > current))
            return null;
        roundNumber ??= current;
        var round = cycle.Rounds.SingleOrDefault(r => r.Number == roundNumber);
        var closed = JudgingRules.RoundIsClosed(cycle, roundNumber.Value, now);
        var scoresOpen = closed && round is not null && await CountedRounds.IsCountedAsync(db, round.Id, categoryId, cancellationToken);

        var grants = await db.RoleGrants.AsNoTracking()
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Select(g => new { g.UserId, g.Role })
            .ToListAsync(cancellationToken);
        var jurorIds = grants.Select(g => g.UserId).Distinct().ToList();
        var users = await db.Users.AsNoTracking().Where(u => jurorIds.Contains(u.Id))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PreferredCulture })
            .ToListAsync(cancellationToken);

        var judged = (await db.Nominations.AsNoTracking()
                .Where(n => n.CycleId == cycleId && n.CategoryId == categoryId)
                .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => new { Nomination = n, l.Name })
                .ToListAsync(cancellationToken))
            .Where(x => JudgingRules.IsJudged(x.Nomination))
            .ToList();
        var judgedIds = judged.Select(x => x.Nomination.Id).ToList();
        var conflicts = (await db.Conflicts.AsNoTracking()
                .Where(c => c.CycleId == cycleId && c.Status == ConflictStatus.Confirmed && judgedIds.Contains(c.NominationId))
                .Select(c => new { c.JurorUserId, c.NominationId })
                .ToListAsync(cancellationToken))
            .Select(c => (c.JurorUserId, c.NominationId))
            .ToHashSet();

        // Which nominations the round judges: every judged one in a score round; the shortlist in a ranked round.
        var inRound = judged;
        var completeBallots = new HashSet<(string JurorUserId, int NominationId)>();
        var ballotMeans = new Dictionary<string, List<decimal>>();
        if (round is { Kind: BallotKind.Ranked })
        {
            // The ballots, the ranking page and the count ask the same: every judged nomination in a first round, the
            // previous round's shortlist in a later one.
            var shortlist = await JudgingRound.JudgedNominationsAsync(db, cycle, round, categoryId, cancellationToken);
            inRound = judged.Where(x => shortlist.Contains(x.Nomination.Id)).ToList();
            var ballots = await db.RankedBallots.AsNoTracking().Include(b => b.Ranks)
                .Where(b => b.RoundId == round.Id && b.CategoryId == categoryId)
                .ToListAsync(cancellationToken);
            foreach (var ballot in ballots)
            {
                var rankable = inRound.Select(x => x.Nomination.Id).Where(id => !conflicts.Contains((ballot.JurorUserId, id))).ToList();
                if (ProgressRules.IsComplete(ballot, rankable))
                    foreach (var id in rankable)
                        completeBallots.Add((ballot.JurorUserId, id));
            }
        }
        else if (round is not null)
        {
            var ballots = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
                .Where(b => b.RoundId == round.Id && judgedIds.Contains(b.NominationId))
                .ToListAsync(cancellationToken);
            foreach (var ballot in ballots.Where(b => JudgingRules.IsComplete(b, cycle.Criteria)))
            {
                completeBallots.Add((ballot.JurorUserId, ballot.NominationId));
                // Collected always, handed out only after close (below): the board must never leak them earlier.
                if (ProgressRules.WeightedMean(ballot, cycle.Criteria) is { } mean && !conflicts.Contains((ballot.JurorUserId, ballot.NominationId)))
                    (ballotMeans.TryGetValue(ballot.JurorUserId, out var list) ? list : ballotMeans[ballot.JurorUserId] = []).Add(mean);
            }
        }

        // Reminders are keyed "jury-reminder:{cycle}:…:{juror}" by the board's button and the job alike.
        var reminderPrefix = $"jury-reminder:{cycleId}:";
        var lastReminded = (await db.Outbox.AsNoTracking()
                .Where(m => m.Purpose == "jury-reminder" && m.DeduplicationKey.StartsWith(reminderPrefix))
                .Select(m => new { m.DeduplicationKey, m.CreatedAt })
                .ToListAsync(cancellationToken))
            .GroupBy(m => m.DeduplicationKey[(m.DeduplicationKey.LastIndexOf(':') + 1)..])
            .ToDictionary(g => g.Key, g => g.Max(m => m.CreatedAt));

        var jurors = users.Select(u =>
            {
                var assigned = inRound.Count(x => !conflicts.Contains((u.Id, x.Nomination.Id)));
                var complete = inRound.Count(x => !conflicts.Contains((u.Id, x.Nomination.Id)) && completeBallots.Contains((u.Id, x.Nomination.Id)));
                var spread = scoresOpen && ballotMeans.TryGetValue(u.Id, out var means) ? ProgressRules.MeanAndDeviation(means) : null;
                var unfinished = inRound.Where(x => !conflicts.Contains((u.Id, x.Nomination.Id)) && !completeBallots.Contains((u.Id, x.Nomination.Id)))
                    .Select(x => x.Name).Order(StringComparer.CurrentCulture).ToList();
                return new JurorRow(u.Id, u.DisplayName, u.Email ?? "", u.PreferredCulture,
                    grants.Any(g => g.UserId == u.Id && g.Role == ScopedRole.Chair), complete, assigned, spread?.Mean, spread?.StandardDeviation,
                    unfinished, lastReminded.TryGetValue(u.Id, out var at) ? at : null);
            })
            .OrderByDescending(j => j.IsChair).ThenBy(j => j.Name, StringComparer.CurrentCulture)
            .ToList();
        var nominations = inRound.Select(x =>
            {
                var eligible = jurorIds.Where(j => !conflicts.Contains((j, x.Nomination.Id))).ToList();
                return new NominationRow(x.Nomination.Id, x.Name, eligible.Count(j => completeBallots.Contains((j, x.Nomination.Id))), eligible.Count);
            })
            .OrderBy(n => n.LibraryName, StringComparer.CurrentCulture)
            .ToList();
        return new Report(cycle, category, round, roundNumber.Value, closed, JudgingRules.RoundClosesAt(cycle, roundNumber.Value), jurors, nominations, scoresOpen);
    }
}
