using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>
/// The person proves the authenticator app works with a code from it, and from now on signs in with one. The
/// answer is the recovery codes, shown once: only their hashes are kept.
/// </summary>
public sealed class EnableAuthenticator(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome<IReadOnlyList<string>>> RunAsync(string userId, SecondFactorCodeInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<IReadOnlyList<string>>.Refused(invalid);
        if (await users.FindByIdAsync(userId) is not { } user)
            return Outcome<IReadOnlyList<string>>.Refused([Refusal.NotFound]);
        if (await users.GetTwoFactorEnabledAsync(user))
            return Outcome<IReadOnlyList<string>>.Refused([Refusal.Conflict(RefusalCode.AuthenticatorAlreadyOn)]);
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(user))
            || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, SecondFactor.Normalize(input.Code)))
        {
            return Outcome<IReadOnlyList<string>>.Refused([Refusal.Invalid(nameof(input.Code), RefusalCode.SecondFactorCodeWrong)]);
        }

        // Turning it on and its audit entry commit together: Identity's store saves through the same context.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount))?.ToList() ?? [];
        audit.Record("account.authenticator-on", "User", user.Id, after: new { RecoveryCodes = codes.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Of<IReadOnlyList<string>>(codes);
    }
}
