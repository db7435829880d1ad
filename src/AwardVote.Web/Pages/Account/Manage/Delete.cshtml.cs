using System.Security.Claims;
using AwardVote.Application.Privacy;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Account.Manage;

/// <summary>
/// "Delete the account": what goes and what stays, then the password (or, for an account without one, an
/// authenticator code) and the address typed; <see cref="ErasePerson"/> decides and erases. Afterwards the browser is
/// signed out and the page says goodbye (no mail: the address is gone).
/// </summary>
public sealed class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, ErasePerson erase) : PageModel
{
    [BindProperty]
    public DeleteAccountInput Input { get; set; } = new();

    /// <summary>The account has a password to confirm with; without one, the authenticator app's code.</summary>
    public bool HasPassword { get; private set; } = true;

    public bool Deleted { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        HasPassword = await users.HasPasswordAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await users.GetUserAsync(User) is not { } user)
            return Challenge();
        HasPassword = await users.HasPasswordAsync(user);
        var outcome = await erase.RunAsync(user.Id, Input, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            return this.Refused(outcome) ?? Page();
        }
        await signIn.SignOutAsync();
        // The goodbye is this response: shown as to someone signed out, since the cookie just went.
        HttpContext.User = new ClaimsPrincipal(new ClaimsIdentity());
        Deleted = true;
        return Page();
    }
}
