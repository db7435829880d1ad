using AwardVote.Application.Accounts;
using AwardVote.Web.Accounts;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AwardVote.Web.Pages.Account;

/// <summary>Someone asks for a reset link (<see cref="RequestPasswordReset"/>); the answer tells nobody who has an account.</summary>
[EnableRateLimiting(AccountRateLimiting.Policy)]
public sealed class ForgotPasswordModel(RequestPasswordReset request) : PageModel
{
    [BindProperty]
    public RequestPasswordResetInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var outcome = await request.RunAsync(Input, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();
        return RedirectToPage("./ForgotPasswordConfirmation");
    }
}
