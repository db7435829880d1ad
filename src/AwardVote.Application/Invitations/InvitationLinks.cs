using AwardVote.Domain.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Invitations;

/// <summary>
/// The invitation an e-mailed link names (to represent a library, or to sit on a jury panel), and why it can no
/// longer be used: read by the acceptance page to show it, and by <see cref="AcceptInvitation"/> and
/// <see cref="DeclineInvitation"/> before they act.
/// </summary>
public static class InvitationLinks
{
    public static bool IsJury(Invitation invitation) => invitation.Role is ScopedRole.Juror or ScopedRole.Chair;

    /// <summary>The invitation of the link's token, used or not; null for a token that names none.</summary>
    public static async Task<Invitation?> FindAsync(AppDbContext db, string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 200)
            return null;
        var hash = OneTimeToken.Hash(token);
        return await db.Invitations.AsNoTracking().SingleOrDefaultAsync(i =>
            i.TokenHash == hash
            && ((i.Role == ScopedRole.LibraryRepresentative && i.LibraryId != null)
                || ((i.Role == ScopedRole.Juror || i.Role == ScopedRole.Chair) && i.CycleId != null && i.CategoryId != null)), cancellationToken);
    }

    /// <summary>Why the invitation cannot be accepted or declined now, or null when it can.</summary>
    public static Refusal? WhyNotUsable(Invitation? invitation, DateTimeOffset now)
    {
        if (invitation is null)
            return Refusal.Invalid("Token", RefusalCode.InvitationLinkNotValid);
        if (invitation.AcceptedAt is not null || invitation.DeclinedAt is not null)
            return Used;
        if (invitation.ExpiresAt <= now)
            return Refusal.Conflict(IsJury(invitation) ? RefusalCode.JuryInvitationExpired : RefusalCode.LibraryInvitationExpired);
        return null;
    }

    public static Refusal Used => Refusal.Conflict(RefusalCode.InvitationUsed);
}
