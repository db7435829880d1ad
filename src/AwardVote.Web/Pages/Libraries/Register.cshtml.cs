using AwardVote.Application.Libraries;
using AwardVote.Domain.Libraries;
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

    /// <summary>The proposed forms are a guess the person should check (the name fits no usual pattern).</summary>
    public bool FormsUnsure { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>Fills the empty case forms with the proposal for the name typed so far, for the person to check.</summary>
    public IActionResult OnPostPropose()
    {
        // Nothing is registered yet: the other fields' errors wait for the real submit.
        ModelState.Clear();
        ProposeForms();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            ProposeForms();
            return Page();
        }

        var outcome = await register.RunAsync(User.UserId(), Input, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome) ?? Page();

        // The new grant becomes a role claim now, not at the next sign-in.
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
            await signIn.RefreshSignInAsync(user);
        return RedirectToPage("./Index", new { registered = outcome.Value!.Id });
    }

    private void ProposeForms()
    {
        if (string.IsNullOrWhiteSpace(Input.Name))
            return;
        var proposal = LatvianDeclension.Propose(Input.Name);
        FormsUnsure = !proposal.Sure;
        Input.NameGenitive = Filled(nameof(Input.NameGenitive), Input.NameGenitive, proposal.Name.Genitive);
        Input.NameDative = Filled(nameof(Input.NameDative), Input.NameDative, proposal.Name.Dative);
        Input.NameAccusative = Filled(nameof(Input.NameAccusative), Input.NameAccusative, proposal.Name.Accusative);
        Input.NameLocative = Filled(nameof(Input.NameLocative), Input.NameLocative, proposal.Name.Locative);
    }

    /// <summary>A form the person wrote stays, with its error if it has one; an empty one gets the proposal (a field
    /// shows what was posted unless its state is removed).</summary>
    private string Filled(string field, string? written, string proposed)
    {
        if (!string.IsNullOrWhiteSpace(written))
            return written;
        ModelState.Remove($"{nameof(Input)}.{field}");
        return proposed;
    }
}
