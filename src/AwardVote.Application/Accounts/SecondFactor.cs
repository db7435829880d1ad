using System.ComponentModel.DataAnnotations;
using AwardVote.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Application.Accounts;

/// <summary>A code from the authenticator app (six digits) or one of the recovery codes.</summary>
public sealed class SecondFactorCodeInput
{
    [Required(ErrorMessage = "Enter the code.")]
    [StringLength(20, ErrorMessage = "The code is too long.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";
}

/// <summary>What the account's second factor is: the rules the use cases of this folder share.</summary>
public static class SecondFactor
{
    /// <summary>How many recovery codes a person is given at a time.</summary>
    public const int RecoveryCodeCount = 10;

    /// <summary>Authenticator apps show "123 456"; people type "123-456" too.</summary>
    public static string Normalize(string code) => code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    /// <summary>A recovery code as Identity keeps it ("ABCDE-12345"): the hyphen is part of it, spaces are not.</summary>
    public static string RecoveryCode(string code) => code.Replace(" ", "", StringComparison.Ordinal);

    /// <summary>
    /// The account has a second factor: an authenticator app it proved with a code, or a passkey (which is itself
    /// something the person holds, so it counts as one).
    /// </summary>
    public static async Task<bool> IsPresentAsync(UserManager<AppUser> users, AppUser user) =>
        await users.GetTwoFactorEnabledAsync(user) || (users.SupportsUserPasskey && (await users.GetPasskeysAsync(user)).Count > 0);

    /// <summary>
    /// Proves the person holds the second factor now: a current code of the authenticator app, or else an unused
    /// recovery code (used up by this). A stolen session alone cannot pass this, so it guards every change that
    /// weakens the account.
    /// </summary>
    internal static async Task<bool> ProveAsync(UserManager<AppUser> users, AppUser user, string code)
    {
        if (await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, Normalize(code)))
            return true;
        return (await users.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCode(code))).Succeeded;
    }
}
