using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account;

/// <summary>Signing out ends every session of the account, not just this browser's (<see cref="EndAllSessions"/>).</summary>
public sealed class LogoutModel(SignInManager<AppUser> signIn, EndAllSessions endAll) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (signIn.UserManager.GetUserId(User) is { } userId)
            await endAll.RunAsync(userId, cancellationToken);
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
