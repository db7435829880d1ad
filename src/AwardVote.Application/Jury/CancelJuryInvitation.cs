using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// An administrator cancels a jury invitation not yet answered (sent to the wrong person or a mistyped address): its
/// link stops working at once. The invitation goes; the audit entry keeps who was invited, in the same save. One
/// already accepted is a member now (<see cref="RemoveJuror"/>), one declined needs nothing.
/// </summary>
public sealed class CancelJuryInvitation(AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(int cycleId, int categoryId, int invitationId, CancellationToken cancellationToken)
    {
        var found = await UnansweredJuryInvitation.FindAsync(db, cycleId, categoryId, invitationId, cancellationToken);
        if (found.Value is not { } invitation)
            return Outcome.Refused(found.Refusals);
        db.Invitations.Remove(invitation);
        audit.Record("jury.invitation-cancelled", nameof(Category), categoryId,
            before: new { InvitationId = invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt }, cycleId: cycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Accepted or cancelled in the same moment: the other one stands.
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.InvitationUsed);
        }
        return Outcome.Done;
    }
}
