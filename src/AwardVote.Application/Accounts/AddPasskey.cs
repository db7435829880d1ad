using System.ComponentModel.DataAnnotations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

public sealed class AddPasskeyInput
{
    [Required(ErrorMessage = "Give the passkey a name.")]
    [StringLength(100, ErrorMessage = "Give the passkey a name of up to 100 characters.")]
    [Display(Name = "Name of the passkey")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";
}

/// <summary>
/// Keeps a passkey the browser has just made (Identity checked the browser's answer: <c>PerformPasskeyAttestationAsync</c>).
/// The password is asked again: a passkey is a way in that lasts, and a stolen session must not be able to add its own.
/// </summary>
public sealed class AddPasskey(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(string userId, AddPasskeyInput input, UserPasskeyInfo? passkey, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (await users.FindByIdAsync(userId) is not { } user)
            return Refusal.NotFound;
        if (passkey is null)
            return Refusal.Invalid(nameof(input.Name), RefusalCode.PasskeyNotAccepted);
        if (!await PasswordAgain.CheckAsync(users, user, input.Password))
            return Refusal.Invalid(nameof(input.Password), RefusalCode.PasswordWrong);

        passkey.Name = input.Name.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded)
            return Refusal.Invalid(nameof(input.Name), RefusalCode.PasskeyNotAccepted);
        audit.Record("account.passkey-added", "User", user.Id, after: new { passkey.Name, CredentialId = Convert.ToBase64String(passkey.CredentialId) });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}

/// <summary>The password asked again before a change that weakens or widens the account's ways in.</summary>
internal static class PasswordAgain
{
    public static async Task<bool> CheckAsync(UserManager<AppUser> users, AppUser user, string password)
    {
        if (await users.CheckPasswordAsync(user, password))
            return true;
        // A wrong password here counts towards the lockout, as at the sign-in: no guessing through this form either.
        await users.AccessFailedAsync(user);
        return false;
    }
}
