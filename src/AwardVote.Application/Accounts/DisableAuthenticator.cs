using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>
/// The person turns the authenticator off, with a code from it (or a recovery code): a stolen session must not be
/// able to strip the second factor. The key is replaced, so the old app's codes are worth nothing afterwards.
/// </summary>
public sealed class DisableAuthenticator(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(string userId, SecondFactorCodeInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (await users.FindByIdAsync(userId) is not { } user)
            return Refusal.NotFound;
        if (!await users.GetTwoFactorEnabledAsync(user))
            return Refusal.Conflict(RefusalCode.AuthenticatorNotOn);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await SecondFactor.ProveAsync(users, user, input.Code))
            return Refusal.Invalid(nameof(input.Code), RefusalCode.SecondFactorCodeWrong);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0);
        audit.Record("account.authenticator-off", "User", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
