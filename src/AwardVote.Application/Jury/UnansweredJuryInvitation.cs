using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// The jury invitation an administrator may still cancel or send again: one of this category's juror or chair
/// invitations that nobody has answered. Tracked, since both callers change it.
/// </summary>
internal static class UnansweredJuryInvitation
{
    public static async Task<Outcome<Invitation>> FindAsync(AppDbContext db, int cycleId, int categoryId, int invitationId,
        CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CycleId == cycleId && i.CategoryId == categoryId
            && (i.Role == ScopedRole.Juror || i.Role == ScopedRole.Chair), cancellationToken);
        if (invitation is null)
            return Refusal.NotFound;
        if (invitation.AcceptedAt is not null || invitation.DeclinedAt is not null)
            return Refusal.Conflict(RefusalCode.InvitationUsed);
        return invitation;
    }
}
