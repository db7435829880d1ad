using System.ComponentModel.DataAnnotations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Account;

/// <summary>
/// The sign-in's second step for an account with an authenticator app: Identity's two-factor cookie holds who passed
/// the password, this page takes the code. Wrong codes count towards the lockout like wrong passwords.
/// </summary>
public sealed class LoginWith2faModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool RememberMe { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(10, ErrorMessage = "The code is too long.")]
        [Display(Name = "Code from the authenticator app")]
        public string Code { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("./Login", new { ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user)
            return RedirectToPage("./Login", new { ReturnUrl });
        if (!ModelState.IsValid)
            return Page();
        var code = Application.Accounts.SecondFactor.Normalize(Input.Code);
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false);
        if (result.Succeeded)
            return SignedIn(user);
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout");
        ModelState.AddModelError("Input.Code", l["The code is not correct. Enter the code your authenticator app shows now."]);
        return Page();
    }

    private IActionResult SignedIn(AppUser user)
    {
        if (Cultures.IsSupported(user.PreferredCulture))
            Cultures.AppendCookie(Response, user.PreferredCulture);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
