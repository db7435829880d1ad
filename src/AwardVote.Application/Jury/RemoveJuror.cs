using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// An administrator takes a member (a juror or the chair) off a panel, e.g. to replace them (then invites the
/// replacement with <see cref="InviteJuror"/>). The member's ballots in rounds not counted yet go with them, so they
/// stay out of the count; ballots of a counted round stay, as the count that used them does. Their conflicts stay on
/// record. Refused once the counting is done (results review onwards): the results stand on that jury. The grants'
/// removal, the ballots' removal and one audit entry naming all of it are one save.
/// </summary>
public sealed class RemoveJuror(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, int categoryId, string? userId, CancellationToken cancellationToken)
    {
        if (!await JuryMembership.PanelExistsAsync(db, cycleId, categoryId, cancellationToken))
            return Refusal.NotFound;
        var grants = await db.RoleGrants
            .Where(g => g.UserId == userId && g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .ToListAsync(cancellationToken);
        if (grants.Count == 0)
            return Refusal.NotFound;
        var cycle = await db.Cycles.AsNoTracking().Include(c => c.Rounds).SingleAsync(c => c.Id == cycleId, cancellationToken);
        if (cycle.Phase >= CyclePhase.ResultsReview)
            return Refusal.Conflict(RefusalCode.JuryCountDone);

        var roundIds = cycle.Rounds.Select(r => r.Id).ToList();
        var counted = await db.RoundResults.Where(r => roundIds.Contains(r.RoundId) && r.CategoryId == categoryId)
            .Select(r => r.RoundId).Distinct().ToListAsync(cancellationToken);
        var open = roundIds.Except(counted).ToList();
        var scoreBallots = await db.ScoreBallots.Include(b => b.Scores)
            .Where(b => open.Contains(b.RoundId) && b.JurorUserId == userId
                        && db.Nominations.Any(n => n.Id == b.NominationId && n.CategoryId == categoryId))
            .ToListAsync(cancellationToken);
        var rankedBallots = await db.RankedBallots.Include(b => b.Ranks)
            .Where(b => open.Contains(b.RoundId) && b.CategoryId == categoryId && b.JurorUserId == userId)
            .ToListAsync(cancellationToken);
        var conflicts = await db.Conflicts.CountAsync(c => c.CycleId == cycleId && c.JurorUserId == userId, cancellationToken);

        db.RoleGrants.RemoveRange(grants);
        db.ScoreBallots.RemoveRange(scoreBallots);
        db.RankedBallots.RemoveRange(rankedBallots);
        audit.Record("jury.member-removed", nameof(Category), categoryId,
            before: new
            {
                UserId = userId,
                Roles = grants.Select(g => g.Role.ToString()).Order().ToList(),
                ScoreBallotsRemoved = scoreBallots.Select(b => new { b.RoundId, b.NominationId, b.Abstained }).ToList(),
                RankedBallotsRemoved = rankedBallots.Select(b => b.RoundId).ToList(),
                ConflictsKept = conflicts,
            },
            cycleId: cycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Removed at the same moment in another tab: the member is gone either way.
            db.ChangeTracker.Clear();
            return Refusal.NotFound;
        }
        return Outcome.Done;
    }
}
