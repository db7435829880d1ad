using AwardVote.Application;
using AwardVote.Application.Accounts;
using AwardVote.Web.Accounts;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AwardVote.Web.Pages.Account;

/// <summary>Someone creates an account (<see cref="RegisterAccount"/>, as POST /api/auth/register does).</summary>
[EnableRateLimiting(AccountRateLimiting.Policy)]
public sealed class RegisterModel(RegisterAccount register) : PageModel
{
    [BindProperty]
    public RegisterAccountInput Input { get; set; } = new();

    /// <param name="returnUrl">Where the sign-in page was to lead (a jury invitation): the confirmation mail leads there.</param>
    public void OnGet(string? returnUrl)
    {
        Input.PreferredCulture = Languages.Current();
        Input.ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var outcome = await register.RunAsync(Input, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();
        return RedirectToPage("./RegisterConfirmation");
    }
}
