using System.ComponentModel.DataAnnotations;
using System.Text;
using AwardVote.Application.Validation;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace AwardVote.Application.Accounts;

public sealed class ResetPasswordInput
{
    [Required(ErrorMessage = "Enter your e-mail address.")]
    [MailAddress(ErrorMessage = "Enter a valid e-mail address.")]
    [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Choose a password.")]
    [StringLength(200, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Repeat the password.")]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [DataType(DataType.Password)]
    [Display(Name = "Repeat the password")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>The code of the mailed link, as the link carries it (Base64url of Identity's token).</summary>
    [Required(ErrorMessage = "The link is not valid or has expired.")]
    public string Code { get; set; } = "";
}

/// <summary>
/// The owner of a mailed reset link chooses a new password. Identity changes the account's security stamp with it,
/// so every session signed in before (a cookie, a bearer or refresh token someone may have captured) ends at its
/// next request. An unknown address is refused like a wrong link, after the same work (a password hash).
/// </summary>
public sealed class ResetPassword(UserManager<AppUser> users, AppDbContext db, AuditLog audit) : IUseCase
{
    public async Task<Outcome> RunAsync(ResetPasswordInput input, CancellationToken cancellationToken)
    {
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome.Refused(invalid);
        var invalidLink = Refusal.Invalid(nameof(input.Code), RefusalCode.ResetLinkNotValid);
        if (await users.FindByEmailAsync(input.Email.Trim()) is not { } user)
        {
            users.PasswordHasher.HashPassword(new AppUser(), input.Password);
            return invalidLink;
        }
        string token;
        try
        {
            token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(input.Code));
        }
        catch (FormatException)
        {
            return invalidLink;
        }
        // The new password and its audit entry commit together.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = await users.ResetPasswordAsync(user, token, input.Password);
        if (!result.Succeeded)
        {
            return result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? invalidLink
                : Outcome.Refused(result.Errors.Select(e => Refusal.Invalid(nameof(input.Password), RefusalCode.PasswordNotAccepted, e.Description)));
        }
        audit.Record("account.password-reset", "User", user.Id);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Outcome.Done;
    }
}
