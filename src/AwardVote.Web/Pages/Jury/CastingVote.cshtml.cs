using AwardVote.Application.Ties;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The chair breaks a first-place tie the statute leaves to them. The panel's chair and administrators may read the
/// page; only the chair may cast, and <see cref="CastCastingVote"/> checks every rule again, as for the API.
/// </summary>
public sealed class CastingVoteModel(AppDbContext db, CastCastingVote cast, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Chosen { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public Tie? Tie { get; private set; }
    /// <summary>The signed-in person chairs the result's panel: they, and only they, get the form.</summary>
    public bool IsChair { get; private set; }
    public string CategoryLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (await this.ForbidUnlessAsync(Tie!.Panel, PanelOperations.BreakTie) is { } notChair)
            return notChair;
        var outcome = await cast.RunAsync(id, User.UserId(), new CastCastingVoteInput { Chosen = Chosen, Reason = Reason }, cancellationToken);
        if (outcome.Succeeded)
            return RedirectToPage(new { id });
        if (this.Refused(outcome, prefix: null) is { } answer)
            return answer;
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Tie = await TieView.LoadAsync(db, id, cancellationToken);
        if (Tie is null)
            return NotFound();
        // The tie and its names are the jury's business: the chair, and the association's administrators.
        if (await this.ForbidUnlessAsync(Tie.Panel, PanelOperations.Manage) is { } denied)
            return denied;
        IsChair = await HttpContext.AllowsAsync(Tie.Panel, PanelOperations.BreakTie);
        CategoryLabel = l["Round {0}", Tie.RoundNumber];
        return null;
    }
}
