using AwardVote.Application.Jury;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Invitations;

/// <summary>What accepting gave the account: a library to represent, or a seat (or the chair) on a jury panel.</summary>
public sealed record AcceptedInvitation(int InvitationId, ScopedRole Role, int? LibraryId, int? CycleId, int? CategoryId);

/// <summary>
/// The signed-in person accepts an invitation: to represent a library, or to sit on a cycle's jury panel as a juror
/// or its chair. Any account may accept (people often have a personal and a work address). The link works once:
/// of two simultaneous clicks only one finds it unused, and the grants and the audit entry commit with the claim.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, AuditLog audit, ProposeConflicts conflicts, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<AcceptedInvitation>> RunAsync(string? token, string userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var invitation = await InvitationLinks.FindAsync(db, token, cancellationToken);
        if (InvitationLinks.WhyNotUsable(invitation, now) is { } unusable)
            return unusable;
        var invited = invitation!;

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional update: of two simultaneous clicks on the same link, only one finds it unused.
        var claimed = await db.Invitations
            .Where(i => i.Id == invited.Id && i.AcceptedAt == null && i.DeclinedAt == null && i.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set
                .SetProperty(i => i.AcceptedAt, now)
                .SetProperty(i => i.AcceptedByUserId, userId), cancellationToken);
        if (claimed == 0)
            return InvitationLinks.Used;
        if (InvitationLinks.IsJury(invited))
        {
            await JoinJuryAsync(invited, userId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            // After the commit, so the chair sees the new juror's conflicts before any ballot is cast; proposing is
            // safe to repeat, and the chair's button runs it again should this fail.
            await conflicts.RunAsync(invited.CycleId!.Value, invited.CategoryId!.Value, cancellationToken);
        }
        else
        {
            await JoinLibraryAsync(invited, userId, now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return new AcceptedInvitation(invited.Id, invited.Role, invited.LibraryId, invited.CycleId, invited.CategoryId);
    }

    private async Task JoinLibraryAsync(Invitation invitation, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var libraryId = invitation.LibraryId!.Value;
        var alreadyRepresents = await db.RoleGrants.AnyAsync(g =>
            g.UserId == userId && g.Role == ScopedRole.LibraryRepresentative && g.LibraryId == libraryId, cancellationToken);
        if (!alreadyRepresents)
            db.RoleGrants.Add(RoleGrant.Representative(userId, libraryId, now, invitation.InvitedByUserId));
        audit.Record("library.representative-joined", nameof(Library), libraryId,
            after: new { UserId = userId, InvitationId = invitation.Id, invitation.Email, AlreadyRepresented = alreadyRepresents });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>A juror gets the juror grant; a chair both grants, and takes the chair from whoever held it (a panel has one).</summary>
    private async Task JoinJuryAsync(Invitation invitation, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cycleId = invitation.CycleId!.Value;
        var categoryId = invitation.CategoryId!.Value;
        var grants = await db.RoleGrants
            .Where(g => g.CycleId == cycleId && g.CategoryId == categoryId && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .ToListAsync(cancellationToken);
        if (!grants.Any(g => g.UserId == userId && g.Role == ScopedRole.Juror))
            db.RoleGrants.Add(RoleGrant.Juror(userId, cycleId, categoryId, now, invitation.InvitedByUserId));
        var formerChairs = new List<string>();
        if (invitation.Role == ScopedRole.Chair)
        {
            var others = grants.Where(g => g.Role == ScopedRole.Chair && g.UserId != userId).ToList();
            formerChairs.AddRange(others.Select(g => g.UserId));
            db.RoleGrants.RemoveRange(others);
            if (!grants.Any(g => g.UserId == userId && g.Role == ScopedRole.Chair))
                db.RoleGrants.Add(RoleGrant.Chair(userId, cycleId, categoryId, now, invitation.InvitedByUserId));
        }
        audit.Record("jury.juror-joined", nameof(Category), categoryId,
            before: formerChairs.Count > 0 ? new { Chairs = formerChairs } : null,
            after: new { UserId = userId, InvitationId = invitation.Id, invitation.Email, invitation.Role }, cycleId: cycleId);
        await db.SaveChangesAsync(cancellationToken);
    }
}
