using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account;

/// <summary>
/// Signing in with a passkey instead of the password and the code (the Login page's passkey button posts here, through
/// wwwroot/js/passkeys.js): Identity makes the challenge and checks the browser's answer against the stored passkey.
/// </summary>
public sealed class LoginWithPasskeyModel(SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public string? Credential { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Refused { get; private set; }

    public IActionResult OnGet() => RedirectToPage("./Login", new { ReturnUrl });

    /// <summary>The challenge for any passkey of this site (the browser offers the person theirs).</summary>
    public async Task<IActionResult> OnPostOptionsAsync() =>
        Content(await signIn.MakePasskeyRequestOptionsAsync(user: null), "application/json");

    public async Task<IActionResult> OnPostAsync()
    {
        if (!string.IsNullOrEmpty(Credential) && Credential.Length <= 64 * 1024)
        {
            Microsoft.AspNetCore.Identity.SignInResult result;
            try
            {
                result = await signIn.PasskeySignInAsync(Credential);
            }
            catch (Exception e) when (e is InvalidOperationException or PasskeyException or System.Text.Json.JsonException)
            {
                // No challenge was asked for in this browser, or the answer is not JSON: the same "not accepted".
                result = Microsoft.AspNetCore.Identity.SignInResult.Failed;
            }
            if (result.Succeeded)
            {
                if (await signIn.UserManager.GetUserAsync(signIn.Context.User) is { } user && Cultures.IsSupported(user.PreferredCulture))
                    Cultures.AppendCookie(Response, user.PreferredCulture);
                return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
            }
            if (result.IsLockedOut)
                return RedirectToPage("./Lockout");
        }
        Refused = true;
        return Page();
    }
}
