using System.Security.Claims;
using AwardVote.Application;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;

namespace AwardVote.Web.Pages.Account.Manage;

/// <summary>
/// Setting up the authenticator app: the key as a QR code and as text, then a code from the app to prove it works
/// (<see cref="EnableAuthenticator"/>); the answer shows the recovery codes once.
/// </summary>
public sealed class EnableAuthenticatorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn,
    PrepareAuthenticator prepare, EnableAuthenticator enable) : PageModel
{
    [BindProperty]
    public SecondFactorCodeInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    /// <summary>The key in groups of four, as a person types it.</summary>
    public string SharedKey { get; private set; } = "";

    public string QrCode { get; private set; } = "";

    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public string? SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) => await ShowKeyAsync(cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await enable.RunAsync(User.UserId(), Input, cancellationToken);
        if (outcome.Succeeded)
        {
            RecoveryCodes = outcome.Value!;
            // The person has just proved the app's code in this session: it is now a sign-in with a second factor,
            // as if they had signed in with the code (Identity's "mfa"), so an administrator goes on without signing in again.
            if (await users.GetUserAsync(User) is { } user)
                await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "mfa")]);
            return Page();
        }
        if (outcome.Is(RefusalCode.AuthenticatorAlreadyOn))
            return RedirectToPage("./TwoFactor");
        ModelState.Clear();
        return this.Refused(outcome) ?? await ShowKeyAsync(cancellationToken) ?? Page();
    }

    private async Task<IActionResult?> ShowKeyAsync(CancellationToken cancellationToken)
    {
        var key = await prepare.RunAsync(User.UserId(), cancellationToken);
        if (key.Is(RefusalCode.AuthenticatorAlreadyOn))
            return RedirectToPage("./TwoFactor");
        if (this.Refused(key) is { } answer)
            return answer;
        SharedKey = string.Join(' ', key.Value!.SharedKey.ToLowerInvariant().Chunk(4).Select(c => new string(c)));
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(key.Value.Uri, QRCodeGenerator.ECCLevel.Q);
        // A data: image, which the Content-Security-Policy allows (img-src 'self' data:), so no script draws it.
        QrCode = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
        return null;
    }
}
