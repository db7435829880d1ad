using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Accounts;

/// <summary>
/// A refresh token is traded for a new pair of tokens, once. Identity's own /refresh checks expiry and the security
/// stamp but lets one token be traded again and again, so a stolen copy lives as long as the owner's. Here each
/// token is written down when used (a row in Identity's user-token table, whose key makes a second use fail even
/// when two arrive at once), and a second use ends every session of the account: either the owner or a thief holds a
/// copy, and the database cannot tell which, so both sign in again.
/// </summary>
public sealed class RefreshSession(SignInManager<AppUser> signIn, IOptionsMonitor<BearerTokenOptions> bearer, AppDbContext db,
    AuditLog audit, TimeProvider clock) : IUseCase
{
    /// <summary>The "login provider" of the rows that record used refresh tokens (their fingerprints).</summary>
    public const string UsedRefreshTokens = "AwardVote:UsedRefreshToken";

    public async Task<Outcome<ClaimsPrincipal>> RunAsync(string? refreshToken, CancellationToken cancellationToken)
    {
        var refused = Refusal.Invalid("refreshToken", RefusalCode.RefreshTokenNotValid);
        var now = clock.GetUtcNow();
        var ticket = string.IsNullOrEmpty(refreshToken) ? null : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || now >= expires
            || await signIn.ValidateSecurityStampAsync(ticket.Principal) is not { } user)
            return refused;

        var fingerprint = Fingerprint(refreshToken!);
        var used = await db.UserTokens.Where(t => t.UserId == user.Id && t.LoginProvider == UsedRefreshTokens).ToListAsync(cancellationToken);
        if (used.Any(t => t.Name == fingerprint))
        {
            await RevokeEverySessionAsync(user.Id);
            return refused;
        }
        // Used tokens past their expiry are refused by their date anyway: their rows go.
        db.UserTokens.RemoveRange(used.Where(t => !DateTimeOffset.TryParse(t.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var until) || until < now));
        db.UserTokens.Add(new IdentityUserToken<string>
        {
            UserId = user.Id, LoginProvider = UsedRefreshTokens, Name = fingerprint, Value = expires.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same token used twice at the same moment: the key let one through.
            db.ChangeTracker.Clear();
            await RevokeEverySessionAsync(user.Id);
            return refused;
        }
        return await signIn.CreateUserPrincipalAsync(user);
    }

    private async Task RevokeEverySessionAsync(string userId)
    {
        if (await signIn.UserManager.FindByIdAsync(userId) is not { } user)
            return;
        // Identity's store saves the new stamp; the audit entry recorded first goes in the same save.
        audit.Record("account.refresh-token-reused", "User", user.Id);
        await signIn.UserManager.UpdateSecurityStampAsync(user);
    }

    private static string Fingerprint(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
