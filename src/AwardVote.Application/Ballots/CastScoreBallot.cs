using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ballots;

/// <summary>A juror's scores for one nomination, as the ballot page, the API and a paper ballot hand them over.</summary>
public sealed class CastScoreBallotInput
{
    public int NominationId { get; set; }

    /// <summary>The version of the ballot the juror saw (null for a first ballot): a change made meanwhile is not overwritten.</summary>
    public Guid? Version { get; set; }

    /// <summary>Criterion id → score; null or missing means "no entry".</summary>
    public Dictionary<int, int?> Scores { get; set; } = [];

    [Display(Name = "Abstain on this nomination")]
    public bool Abstained { get; set; }

    [StringLength(MaxText, ErrorMessage = "The comment can be at most {1} characters long.")]
    [Display(Name = "Comment for the nominee")]
    public string? Comment { get; set; }

    [StringLength(MaxText, ErrorMessage = "The notes can be at most {1} characters long.")]
    [Display(Name = "Private notes")]
    public string? PrivateNotes { get; set; }

    public const int MaxText = 10_000;
}

/// <summary>
/// Casts or changes a score ballot, for the juror's page, the API and an administrator's paper ballot alike: the
/// juror sits on the panel, has no confirmed conflict and none waiting for a decision, the round is open by the
/// server's clock, the scores fit the scale. A paper ballot is refused where the juror has cast an electronic one. "One ballot per juror, nomination and round" is the database's unique key; a racing second insert
/// becomes an update.
/// </summary>
public sealed class CastScoreBallot(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    private const int MaxAttempts = 50;

    /// <param name="enteredBy">The administrator entering a paper ballot on the juror's behalf; null when the juror casts it.</param>
    public async Task<Outcome> RunAsync(string jurorId, CastScoreBallotInput input, string? enteredBy, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == input.NominationId, cancellationToken);
        if (nomination is null || !await JuryMembership.IsJurorAsync(db, jurorId, nomination.CycleId, nomination.CategoryId, cancellationToken))
            return NotOnPanel(enteredBy);
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        var cycle = await JudgingRound.LoadCycleAsync(db, nomination.CycleId, cancellationToken);
        if (JudgingRound.WhyClosed(cycle, BallotKind.Score, clock.GetUtcNow()) is { } closed)
            return closed;
        var round = cycle.Rounds.Single(r => r.Number == cycle.RoundNumber);
        if (!await IsOnBallotAsync(cycle, round, nomination, cancellationToken))
            return Refusal.Conflict(RefusalCode.NominationNotInRound);
        if ((await JuryMembership.ConflictedNominationsAsync(db, jurorId, cycle.Id, cancellationToken)).Contains(nomination.Id))
            return Refusal.Conflict(RefusalCode.ConflictedNomination);
        if ((await JuryMembership.UndecidedConflictNominationsAsync(db, jurorId, cycle.Id, cancellationToken)).Contains(nomination.Id))
            return Refusal.Conflict(RefusalCode.ConflictAwaitsDecision);
        var scores = input.Scores ?? [];
        if (JudgingRules.Check(scores, cycle.Criteria).Count > 0)
            return Refusal.Invalid(nameof(input.Scores), RefusalCode.ScoreOutOfScale);

        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (await JudgingRound.WhyClosedUnderLockAsync(db, cycle.Id, BallotKind.Score, clock, cancellationToken) is { } closedMeanwhile)
                return closedMeanwhile;
            var ballot = await db.ScoreBallots.Include(b => b.Scores)
                .SingleOrDefaultAsync(b => b.RoundId == round.Id && b.NominationId == nomination.Id && b.JurorUserId == jurorId, cancellationToken);
            // The juror's own electronic ballot is theirs: a paper ballot never replaces it (re-read on every attempt,
            // so a juror's ballot saved while the paper one was being entered wins too).
            if (enteredBy is not null && ballot is { IsPaperBallot: false })
                return Refusal.Conflict(RefusalCode.ElectronicBallotExists);
            if (ballot is not null && input.Version is { } version && ballot.Version != version && attempt == 0)
                return Refusal.Conflict(RefusalCode.BallotChangedMeanwhile);
            var before = ballot is null ? null : Snapshot(ballot);
            if (ballot is null)
            {
                ballot = new ScoreBallot { RoundId = round.Id, NominationId = nomination.Id, JurorUserId = jurorId };
                db.ScoreBallots.Add(ballot);
            }
            ballot.Abstained = input.Abstained;
            ballot.Comment = Clean(input.Comment);
            // Private notes are the juror's alone: an administrator entering a paper ballot neither writes nor wipes them.
            if (enteredBy is null)
                ballot.PrivateNotes = Clean(input.PrivateNotes);
            ballot.IsPaperBallot = enteredBy is not null;
            ballot.EnteredByUserId = enteredBy;
            ballot.UpdatedAt = clock.GetUtcNow();
            ballot.Version = Guid.NewGuid();
            // Entries change in place (one per criterion): deleting and re-inserting them would collide with a
            // racing request on the (ballot, criterion) unique key instead of failing on the ballot's version.
            foreach (var criterion in cycle.Criteria)
            {
                var score = !input.Abstained && scores.TryGetValue(criterion.Id, out var value) ? value : null;
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
                await transaction.CommitAsync(cancellationToken);
                return Outcome.Done;
            }
            catch (DbUpdateException) when (attempt < MaxAttempts)
            {
                // Another request of the same juror inserted or changed the ballot first (two tabs, a double click):
                // the unique key kept one ballot and the version refused the stale change; apply this one again on
                // top of it. Each failure means another write succeeded, so this ends.
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                await Task.Delay(Random.Shared.Next(5, 40), cancellationToken);
            }
        }
    }

    /// <summary>
    /// Someone not on the panel: the juror may not (403); an administrator's paper ballot names a juror who is not
    /// one (the field to correct).
    /// </summary>
    internal static Refusal NotOnPanel(string? enteredBy) => enteredBy is null
        ? new Refusal(RefusalCode.NotOnPanel, RefusalKind.Forbidden, null, [])
        : Refusal.Invalid("JurorId", RefusalCode.NotOnPanel);

    private async Task<bool> IsOnBallotAsync(AwardCycle cycle, Round round, Nomination nomination, CancellationToken cancellationToken) =>
        JudgingRules.IsJudged(nomination)
        && (round.Number == 1 || (await JudgingRound.JudgedNominationsAsync(db, cycle, round, nomination.CategoryId, cancellationToken)).Contains(nomination.Id));

    private static object Snapshot(ScoreBallot ballot) => new
    {
        ballot.Abstained,
        ballot.Comment,
        ballot.IsPaperBallot,
        Scores = ballot.Scores.Select(s => new { s.CriterionId, s.Score }).ToList(),
    };

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
