using System.ComponentModel.DataAnnotations;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Account;

/// <summary>The second step with one of the recovery codes instead of the app: each code signs in once.</summary>
public sealed class LoginWithRecoveryCodeModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(20, ErrorMessage = "The code is too long.")]
        [Display(Name = "Recovery code")]
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
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Application.Accounts.SecondFactor.RecoveryCode(Input.Code));
        if (result.Succeeded)
        {
            if (Cultures.IsSupported(user.PreferredCulture))
                Cultures.AppendCookie(Response, user.PreferredCulture);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout");
        ModelState.AddModelError("Input.Code", l["The recovery code is not correct, or it has been used already."]);
        return Page();
    }
}
