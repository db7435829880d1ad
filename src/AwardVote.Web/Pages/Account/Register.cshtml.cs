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

    public void OnGet() => Input.PreferredCulture = Languages.Current();

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
