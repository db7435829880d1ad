using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Invitations;

/// <summary>
/// The invited person declines: the link is spent and the association (or the library) can see it was declined.
/// The mark and its audit entry commit together.
/// </summary>
public sealed class DeclineInvitation(AppDbContext db, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome> RunAsync(string? token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = await InvitationLinks.FindAsync(db, token, cancellationToken);
        if (InvitationLinks.WhyNotUsable(invitation, now) is { } unusable)
            return unusable;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var declined = await db.Invitations
            .Where(i => i.Id == invitation!.Id && i.AcceptedAt == null && i.DeclinedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.DeclinedAt, now), cancellationToken);
        if (declined == 0)
            return InvitationLinks.Used;
        audit.Record("invitation.declined", nameof(Invitation), invitation!.Id, after: new { invitation.Email, invitation.Role },
            cycleId: invitation.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
