using AwardVote.Application.Privacy;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AwardVote.Web.Pages.Admin.People;

/// <summary>
/// An administrator erases an account on a request made by letter or in person: the account's address, how the request
/// came, and a confirmation. <see cref="ErasePerson"/> refuses what it refuses on the person's own page too.
/// </summary>
public sealed class EraseModel(ErasePerson erase) : PageModel
{
    [BindProperty]
    public EraseOnRequestInput Input { get; set; } = new();

    /// <summary>The erased person's pseudonym, shown once after the erasure.</summary>
    public string? Erased { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var outcome = await erase.RunAsync(Input, cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.Clear();
            return this.Refused(outcome) ?? Page();
        }
        Erased = outcome.Value!.Pseudonym;
        Input = new EraseOnRequestInput();
        ModelState.Clear();
        return Page();
    }
}
