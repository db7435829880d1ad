using AwardVote.Application.Accounts;
using AwardVote.Web.Accounts;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AwardVote.Web.Pages.Account;

/// <summary>The owner of a mailed link chooses a new password (<see cref="ResetPassword"/>).</summary>
[EnableRateLimiting(AccountRateLimiting.Policy)]
public sealed class ResetPasswordModel(ResetPassword reset) : PageModel
{
    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }

    public void OnGet(string? email, string? code)
    {
        Input.Email = email ?? "";
        Input.Code = code ?? "";
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();
        var outcome = await reset.RunAsync(Input, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();
        Done = true;
        return Page();
    }
}
