using AwardVote.Domain.Counting;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Results;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Application.Counting;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Ties;

/// <summary>
/// The chair's casting vote, for pages and API alike. Only the chair of the result's panel may cast it, only while
/// the cycle is in results review, only on a first-place tie the statute leaves to the chair, only for one of the
/// tied, and only once: the count itself is never touched.
/// </summary>
public sealed class CastingVoteDesk(AppDbContext db, JuryMembership jury, AuditLog audit, TimeProvider clock)
{
    public const int ReasonMaxLength = 2000;

    public sealed record Tie(RoundResult Result, AwardCycle Cycle, int RoundNumber, CountProtocol Protocol, IReadOnlyList<string> Tied,
        CastingVote? Vote, bool IsChair);

    public enum Outcome { Cast, NotFound, Forbidden, NotInReview, NotNeeded, NotTied, ReasonRequired, AlreadyCast }

    public async Task<Tie?> LoadAsync(int resultId, string userId, CancellationToken cancellationToken)
    {
        var result = await db.RoundResults.AsNoTracking().SingleOrDefaultAsync(r => r.Id == resultId, cancellationToken);
        if (result is null)
            return null;
        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == result.RoundId, cancellationToken);
        var cycle = await db.Cycles.AsNoTracking().SingleAsync(c => c.Id == round.CycleId, cancellationToken);
        var protocol = CountProtocol.FromJson(result.ProtocolJson);
        var vote = await db.CastingVotes.AsNoTracking().SingleOrDefaultAsync(v => v.RoundResultId == resultId, cancellationToken);
        var isChair = await jury.IsChairAsync(userId, cycle.Id, result.CategoryId);
        return new Tie(result, cycle, round.Number, protocol, TieRules.TiedForFirst(protocol), vote, isChair);
    }

    public async Task<Outcome> CastAsync(int resultId, string userId, string? chosenName, string? reason, CancellationToken cancellationToken)
    {
        if (await LoadAsync(resultId, userId, cancellationToken) is not { } tie)
            return Outcome.NotFound;
        if (!tie.IsChair)
            return Outcome.Forbidden;
        if (tie.Cycle.Phase != CyclePhase.ResultsReview)
            return Outcome.NotInReview;
        if (tie.Vote is not null)
            return Outcome.AlreadyCast;
        if (!TieRules.AcceptsCastingVote(tie.Protocol))
            return Outcome.NotNeeded;
        if (chosenName is null || !tie.Tied.Contains(chosenName, StringComparer.Ordinal))
            return Outcome.NotTied;
        if (string.IsNullOrWhiteSpace(reason))
            return Outcome.ReasonRequired;

        var cycle = await db.Cycles.Include(c => c.Rounds).AsSplitQuery().SingleAsync(c => c.Id == tie.Cycle.Id, cancellationToken);
        var round = cycle.Rounds.Single(r => r.Id == tie.Result.RoundId);
        var candidates = await RoundCandidates.ForAsync(db, cycle, round, tie.Result.CategoryId, cancellationToken);
        var chosen = candidates.Single(c => c.Name == chosenName);
        var vote = new CastingVote
        {
            RoundResultId = resultId,
            ChosenName = chosenName,
            ChosenNominationId = chosen.Id,
            ChairUserId = userId,
            Reason = reason.Trim(),
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
            return Outcome.AlreadyCast;
        }
        return Outcome.Cast;
    }

    /// <summary>What the person is told when a casting vote is refused.</summary>
    public static string Describe(CastingVoteDesk.Outcome outcome, IStringLocalizer l) => outcome switch
    {
        CastingVoteDesk.Outcome.NotInReview => l["The casting vote is given while the results are in review, not before or after."],
        CastingVoteDesk.Outcome.NotNeeded => l["This result does not wait for a casting vote."],
        CastingVoteDesk.Outcome.NotTied => l["Choose one of the nominations tied for first place."],
        CastingVoteDesk.Outcome.ReasonRequired => l["Give the reason for your casting vote: it goes into the protocol."],
        CastingVoteDesk.Outcome.AlreadyCast => l["The casting vote has already been given."],
        _ => l["The casting vote could not be recorded."],
    };
}
