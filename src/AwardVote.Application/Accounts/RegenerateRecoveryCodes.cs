using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>
/// New recovery codes replace every old one (lost, used or seen by someone else). Asked with a code from the
/// authenticator, so a stolen session cannot mint codes to sign in with later.
/// </summary>
public sealed class RegenerateRecoveryCodes(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome<IReadOnlyList<string>>> RunAsync(string userId, SecondFactorCodeInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<IReadOnlyList<string>>.Refused(invalid);
        if (await users.FindByIdAsync(userId) is not { } user)
            return Outcome<IReadOnlyList<string>>.Refused([Refusal.NotFound]);
        if (!await users.GetTwoFactorEnabledAsync(user))
            return Outcome<IReadOnlyList<string>>.Refused([Refusal.Conflict(RefusalCode.AuthenticatorNotOn)]);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, SecondFactor.Normalize(input.Code)))
            return Outcome<IReadOnlyList<string>>.Refused([Refusal.Invalid(nameof(input.Code), RefusalCode.SecondFactorCodeWrong)]);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, SecondFactor.RecoveryCodeCount))?.ToList() ?? [];
        audit.Record("account.recovery-codes-replaced", "User", user.Id, after: new { RecoveryCodes = codes.Count });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Of<IReadOnlyList<string>>(codes);
    }
}
