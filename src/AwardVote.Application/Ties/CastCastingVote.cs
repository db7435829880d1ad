using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Jury;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Application.Counting;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Ties;

public sealed class CastCastingVoteInput
{
    /// <summary>The name of the tied nomination's library, as the protocol and the list of ties give it.</summary>
    public string? Chosen { get; set; }

    [StringLength(ReasonMaxLength, ErrorMessage = "The reason can be at most {1} characters long.")]
    [Display(Name = "Reason")]
    public string? Reason { get; set; }

    public const int ReasonMaxLength = 2000;
}

/// <summary>
/// The chair's casting vote. Only the chair of the result's panel casts it (a vote in someone else's name makes no
/// sense whoever sends it), only while the cycle is in results review, only on a first-place tie the statute leaves
/// to the chair, only for one of the tied, with a reason, and only once: the count itself is never touched.
/// </summary>
public sealed class CastCastingVote(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<CastingVote>> RunAsync(int resultId, string chairUserId, CastCastingVoteInput input, CancellationToken cancellationToken)
    {
        if (await TieView.LoadAsync(db, resultId, cancellationToken) is not { } tie)
            return Refusal.NotFound;
        if (!await JuryMembership.IsChairAsync(db, chairUserId, tie.Cycle.Id, tie.Result.CategoryId, cancellationToken))
            return Refusal.Forbidden;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<CastingVote>.Refused(invalid);
        if (tie.Cycle.Phase != CyclePhase.ResultsReview)
            return Refusal.Conflict(RefusalCode.CastingVoteNotInReview);
        if (tie.Vote is not null)
            return Refusal.Conflict(RefusalCode.CastingVoteAlreadyCast);
        if (!TieRules.AcceptsCastingVote(tie.Protocol))
            return Refusal.Conflict(RefusalCode.CastingVoteNotNeeded);
        if (input.Chosen is not { } chosenName || !tie.Tied.Contains(chosenName, StringComparer.Ordinal))
            return Refusal.Invalid(nameof(input.Chosen), RefusalCode.CastingVoteNotTied);
        if (string.IsNullOrWhiteSpace(input.Reason))
            return Refusal.Invalid(nameof(input.Reason), RefusalCode.CastingVoteReasonMissing);

        var cycle = await db.Cycles.Include(c => c.Rounds).AsSplitQuery().SingleAsync(c => c.Id == tie.Cycle.Id, cancellationToken);
        var round = cycle.Rounds.Single(r => r.Id == tie.Result.RoundId);
        var candidates = await RoundCandidates.ForAsync(db, cycle, round, tie.Result.CategoryId, cancellationToken);
        var chosen = candidates.Single(c => c.Name == chosenName);
        var vote = new CastingVote
        {
            RoundResultId = resultId,
            ChosenName = chosenName,
            ChosenNominationId = chosen.Id,
            ChairUserId = chairUserId,
            Reason = input.Reason.Trim(),
            CastAt = clock.GetUtcNow(),
        };
        db.CastingVotes.Add(vote);
        audit.Record("result.casting-vote", "RoundResult", resultId,
            after: new { vote.ChosenName, vote.ChosenNominationId, Tied = tie.Tied }, reason: vote.Reason, cycleId: cycle.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Cast at the same moment elsewhere: the unique key kept the first.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.CastingVoteAlreadyCast);
        }
        return vote;
    }
}
