using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>The shared key the person types or scans into an authenticator app, and its otpauth: address for the QR code.</summary>
public sealed record AuthenticatorKey(string SharedKey, string Uri);

/// <summary>
/// Gives the person the key to set up an authenticator app with. An account whose authenticator is on keeps its key
/// (a new one would silently break the app the person has); one that is off gets a fresh key each time it has none.
/// </summary>
public sealed class PrepareAuthenticator(UserManager<AppUser> users, IUserStore<AppUser> store, AppDbContext db, AuditLog audit) : IUseCase
{
    public const string Issuer = "AwardVote";

    private readonly IUserAuthenticatorKeyStore<AppUser> keys = (IUserAuthenticatorKeyStore<AppUser>)store;

    public async Task<Outcome<AuthenticatorKey>> RunAsync(string userId, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
            return Outcome<AuthenticatorKey>.Refused([Refusal.NotFound]);
        if (await users.GetTwoFactorEnabledAsync(user))
            return Outcome<AuthenticatorKey>.Refused([Refusal.Conflict(RefusalCode.AuthenticatorAlreadyOn)]);
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Not UserManager.ResetAuthenticatorKeyAsync: it also changes the security stamp, which every request checks,
            // so merely showing the key would sign the person out (page and bearer token alike). A key of an account
            // whose authenticator is off opens nothing; turning it on (EnableAuthenticator) changes the stamp.
            await keys.SetAuthenticatorKeyAsync(user, users.GenerateNewAuthenticatorKey(), cancellationToken);
            await users.UpdateAsync(user);
            audit.Record("account.authenticator-key-made", "User", user.Id);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            key = await users.GetAuthenticatorKeyAsync(user);
        }
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? user.Id);
        var uri = $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{account}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6";
        return Outcome.Of(new AuthenticatorKey(key!, uri));
    }
}
