using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account.Manage;

/// <summary>
/// "Sign out everywhere" for someone who left a session open on another computer or fears a stolen password: every
/// session of the account ends (<see cref="EndAllSessions"/>), and this browser gets a new one so its owner can go
/// on to change the password.
/// </summary>
public sealed class SessionsModel(SignInManager<AppUser> signIn, EndAllSessions endAll) : PageModel
{
    public bool Ended { get; private set; }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Challenge();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (signIn.UserManager.GetUserId(User) is not { } userId)
            return Challenge();
        var outcome = await endAll.RunAsync(userId, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, prefix: null) ?? Page();
        if (await signIn.UserManager.FindByIdAsync(userId) is { } user)
            await signIn.RefreshSignInAsync(user);
        Ended = true;
        return Page();
    }
}
