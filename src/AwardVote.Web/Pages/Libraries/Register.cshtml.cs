using AwardVote.Application.Libraries;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Libraries;

/// <summary>A signed-in person registers a library (<see cref="RegisterLibrary"/>, as POST /api/libraries does).</summary>
[Authorize]
public sealed class RegisterModel(RegisterLibrary register, SignInManager<AppUser> signIn) : PageModel
{
    [BindProperty]
    public RegisterLibraryInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
            return Page();

        var outcome = await register.RunAsync(User.UserId(), Input, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();

        // The new grant becomes a role claim now, not at the next sign-in.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        return RedirectToPage("./Index", new { registered = outcome.Value!.Id });
    }
}
