using AwardVote.Application.Ballots;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

public enum DeskBallotState { NotStarted, Incomplete, Complete, Abstained }

/// <summary>A nomination on the juror's desk, with where the juror's own score ballot stands (never anyone else's).</summary>
public sealed record DeskRow(int NominationId, string LibraryName, string? Summary, bool Conflicted, DeskBallotState State, decimal? MyWeightedMean);

/// <summary>The juror's desk for one panel: the round it stands in and what the juror judges in it.</summary>
/// <param name="Round">The open round (or the first, before judging); null before a round exists.</param>
/// <param name="Open">Ballots of the round are taken now, by the server's clock.</param>
public sealed record Desk(AwardCycle Cycle, Category Category, Round? Round, DateTimeOffset? ClosesAt, bool Open, IReadOnlyList<DeskRow> Rows)
{
    public bool JudgingHasBegun => Cycle.Phase >= CyclePhase.Judging && Round is not null;

    /// <summary>The nominations the juror judges: a conflict takes one off the desk's count.</summary>
    public int ToJudge => Rows.Count(r => !r.Conflicted);

    /// <summary>Of <see cref="ToJudge"/>, those whose ballot is counted (scored in full, or abstained); a draft is not done.</summary>
    public int Done => Rows.Count(r => !r.Conflicted && r.State is DeskBallotState.Complete or DeskBallotState.Abstained);
}

/// <summary>
/// What a juror judges in a panel's open round, with their own ballot state and conflicts marked: the juror's desk
/// page and the API list the same. Only the juror's own ballots are read. Null when the panel does not exist.
/// </summary>
public sealed class JurorDesk(AppDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<Desk?> RunAsync(string jurorUserId, int cycleId, int categoryId, CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return null;
        var cycle = await JudgingRound.LoadCycleAsync(db, cycleId, cancellationToken);
        var category = cycle.Categories.Single(c => c.Id == categoryId);
        var round = cycle.Rounds.SingleOrDefault(r => r.Number == Math.Max(1, cycle.RoundNumber));
        if (cycle.Phase < CyclePhase.Judging || round is null)
            return new Desk(cycle, category, round, null, false, []);

        var conflicted = await JuryMembership.ConflictedNominationsAsync(db, jurorUserId, cycle.Id, cancellationToken);
        var shortlist = round.Number > 1 ? await JudgingRound.JudgedNominationsAsync(db, cycle, round, categoryId, cancellationToken) : null;
        var nominations = (await db.Nominations.AsNoTracking()
                .Where(n => n.CycleId == cycle.Id && n.CategoryId == categoryId
                            && n.Status == NominationStatus.Submitted && n.Eligibility == EligibilityDecision.Eligible)
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name, n.PublicSummary })
                .OrderBy(x => x.Name)
                .ToListAsync(cancellationToken))
            .Where(n => shortlist is null || shortlist.Contains(n.Id))
            .ToList();
        var roundId = round.Id;
        var mine = await db.ScoreBallots.AsNoTracking().Include(b => b.Scores)
            .Where(b => b.RoundId == roundId && b.JurorUserId == jurorUserId)
            .ToDictionaryAsync(b => b.NominationId, cancellationToken);
        var rows = nominations.Select(n =>
        {
            var ballot = mine.GetValueOrDefault(n.Id);
            var state = BallotCompleteness.StateOf(ballot, cycle.Criteria);
            return new DeskRow(n.Id, n.Name, n.PublicSummary, conflicted.Contains(n.Id), state,
                state == DeskBallotState.Complete && ProgressRules.WeightedMean(ballot!, cycle.Criteria) is { } mean ? Math.Round(mean, 2) : null);
        }).ToList();
        return new Desk(cycle, category, round, JudgingRules.RoundClosesAt(cycle, round.Number),
            JudgingRules.AcceptsBallots(cycle, round.Number, clock.GetUtcNow()), rows);
    }
}
