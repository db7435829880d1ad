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
        // The fields show the model, not what was posted: a form the person wrote stays, an empty one gets the proposal.
        foreach (var field in new[] { nameof(Input.NameGenitive), nameof(Input.NameDative), nameof(Input.NameAccusative), nameof(Input.NameLocative) })
            ModelState.Remove($"{nameof(Input)}.{field}");
        Input.NameGenitive = Filled(Input.NameGenitive, proposal.Name.Genitive);
        Input.NameDative = Filled(Input.NameDative, proposal.Name.Dative);
        Input.NameAccusative = Filled(Input.NameAccusative, proposal.Name.Accusative);
        Input.NameLocative = Filled(Input.NameLocative, proposal.Name.Locative);
    }

    private static string Filled(string? written, string proposed) => string.IsNullOrWhiteSpace(written) ? proposed : written;
}
