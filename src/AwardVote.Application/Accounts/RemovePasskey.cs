using System.ComponentModel.DataAnnotations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

public sealed class RemovePasskeyInput
{
    /// <summary>The passkey's credential id, base64url as the page and the list show it.</summary>
    [Required(ErrorMessage = "The value is not valid.")]
    [StringLength(1400, ErrorMessage = "The value is not valid.")]
    public string CredentialId { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";
}

/// <summary>Forgets a passkey (a lost phone or key), with the password asked again: a stolen session cannot strip it.</summary>
public sealed class RemovePasskey(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(string userId, RemovePasskeyInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        if (await users.FindByIdAsync(userId) is not { } user)
            return Refusal.NotFound;
        byte[] credentialId;
        try
        {
            credentialId = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(input.CredentialId);
        }
        catch (FormatException)
        {
            return Refusal.NotFound;
        }
        // Another account's passkey is as unknown here as one that does not exist.
        if (await users.GetPasskeyAsync(user, credentialId) is not { } passkey)
            return Refusal.NotFound;
        if (!await PasswordAgain.CheckAsync(users, user, input.Password))
            return Refusal.Invalid(nameof(input.Password), RefusalCode.PasswordWrong);

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.RemovePasskeyAsync(user, credentialId);
        audit.Record("account.passkey-removed", "User", user.Id, before: new { passkey.Name, CredentialId = input.CredentialId });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
