using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account.Manage;

/// <summary>
/// The account's security: the authenticator app (on, off, recovery codes) and the passkeys. Administrators and
/// chairs without a second factor are sent here (<see cref="SecondFactorAnswer"/>).
/// </summary>
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, NeedsSecondFactor needs,
    DisableAuthenticator disable, RegenerateRecoveryCodes regenerate) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Required { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    /// <summary>The forms' fields (each form posts its own prefix, so one's errors do not show beside the other).</summary>
    public SecondFactorCodeInput Disable { get; } = new();

    public SecondFactorCodeInput Codes { get; } = new();

    public bool AuthenticatorOn { get; private set; }
    public int RecoveryCodesLeft { get; private set; }
    /// <summary>The account has a role whose pages need a second factor, and this sign-in had none.</summary>
    public bool StillNeeded { get; private set; }

    /// <summary>The account has a second factor (an authenticator or a passkey) to sign in with.</summary>
    public bool HasSecondFactor { get; private set; }

    public int PasskeyCount { get; private set; }
    public IReadOnlyList<string> NewRecoveryCodes { get; private set; } = [];

    public string? SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDisableAsync([Bind(Prefix = nameof(Disable))] SecondFactorCodeInput input, CancellationToken cancellationToken)
    {
        var outcome = await disable.RunAsync(User.UserId(), input, cancellationToken);
        if (outcome.Succeeded)
        {
            await RefreshAsync();
            return RedirectToPage(new { done = "off" });
        }
        if (this.Refused(outcome, nameof(Disable)) is { } answer)
            return answer;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRecoveryCodesAsync([Bind(Prefix = nameof(Codes))] SecondFactorCodeInput input, CancellationToken cancellationToken)
    {
        var outcome = await regenerate.RunAsync(User.UserId(), input, cancellationToken);
        if (this.Refused(outcome, nameof(Codes)) is { } answer)
            return answer;
        if (outcome.Succeeded)
            NewRecoveryCodes = outcome.Value!;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return false;
        AuthenticatorOn = await users.GetTwoFactorEnabledAsync(user);
        RecoveryCodesLeft = AuthenticatorOn ? await users.CountRecoveryCodesAsync(user) : 0;
        PasskeyCount = (await users.GetPasskeysAsync(user)).Count;
        HasSecondFactor = AuthenticatorOn || PasskeyCount > 0;
        StillNeeded = !SecondFactorClaims.SignedInWithSecondFactor(User) && await needs.RunAsync(user.Id, cancellationToken);
        return true;
    }

    /// <summary>The sign-in's claims follow the change (an administrator's role comes or goes with the second factor).</summary>
    private async Task RefreshAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
    }
}
