using System.ComponentModel.DataAnnotations;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Accounts;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Account;

/// <summary>
/// Password sign-in: the rule (one answer for every wrong try, waits instead of a lock) is <see cref="SignInWithPassword"/>,
/// the SignInManager this page and POST /api/auth/login are given.
/// </summary>
[EnableRateLimiting(AccountRateLimiting.Policy)]
public sealed class LoginModel(SignInManager<AppUser> signIn, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your e-mail address.")]
        [EmailAddress(ErrorMessage = "Enter a valid e-mail address.")]
        [StringLength(256, ErrorMessage = "The e-mail address is too long.")]
        [Display(Name = "E-mail")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(200, ErrorMessage = "The password is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
            return Page();

        var result = await signIn.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: false);
        if (result.Succeeded)
        {
            if (await signIn.UserManager.FindByEmailAsync(Input.Email) is { } user && Cultures.IsSupported(user.PreferredCulture))
                Cultures.AppendCookie(Response, user.PreferredCulture);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
        }
        // The password was right; the second factor is the next page's (issue 15: the page used to stop here).
        if (result.RequiresTwoFactor)
            return RedirectToPage("./LoginWith2fa", new { ReturnUrl, Input.RememberMe });
        if (result.IsLockedOut)
            return RedirectToPage("./Lockout");
        // Only after the right password: a wrong one gets the answer below, whatever the account's state.
        if (result.IsNotAllowed)
        {
            ModelState.AddModelError("", l["Confirm your e-mail address first: open the link in the mail we sent you."]);
            return Page();
        }
        // The same answer for an unknown address and a wrong password.
        ModelState.AddModelError("", l["The e-mail address or the password is not correct."]);
        return Page();
    }
}
