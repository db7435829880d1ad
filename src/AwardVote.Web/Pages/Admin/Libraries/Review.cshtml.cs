using AwardVote.Application.Libraries;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Libraries;

/// <summary>The administrator approves or refuses one library's registration (<see cref="DecideLibraryRegistration"/>).</summary>
[Authorize(Policy = Security.Policies.Administrator)]
public sealed class ReviewModel(AppDbContext db, DecideLibraryRegistration decide) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Library Library { get; private set; } = null!;
    public List<Contact> Representatives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostApproveAsync(CancellationToken cancellationToken) =>
        DecideAsync(LibraryDecision.Approve, cancellationToken);

    public Task<IActionResult> OnPostRefuseAsync(CancellationToken cancellationToken) =>
        DecideAsync(LibraryDecision.Refuse, cancellationToken);

    private async Task<IActionResult> DecideAsync(LibraryDecision decision, CancellationToken cancellationToken)
    {
        var outcome = await decide.RunAsync(Id, decision, Reason, cancellationToken);
        if (outcome.Succeeded)
            return RedirectToPage(new { id = Id });
        if (this.Refused(outcome, prefix: null) is { } answer)
            return answer;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Id, cancellationToken) is not { } library)
            return false;
        Library = library;
        Representatives = (await LibraryContacts.RepresentativesAsync(db, Id, cancellationToken)).OrderBy(r => r.Name).ToList();
        return true;
    }
}
