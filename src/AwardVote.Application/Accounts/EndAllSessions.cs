using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>
/// Signing out ends every session of the account, on every device: a new security stamp, which every cookie is
/// checked against on each request and every bearer and refresh token on each use, so a copy captured before (from
/// a shared computer, a leaked log) stops working at once. The sign-out link and "sign out everywhere" both run it.
/// </summary>
public sealed class EndAllSessions(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
            return Refusal.NotFound;
        // Identity's store saves the new stamp; the audit entry recorded first goes in the same save.
        audit.Record("account.sessions-ended", "User", user.Id);
        var result = await users.UpdateSecurityStampAsync(user);
        if (!result.Succeeded)
            return Refusal.Conflict(RefusalCode.AccountChangedMeanwhile);
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Done;
    }
}
