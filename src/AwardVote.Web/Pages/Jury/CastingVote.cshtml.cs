using AwardVote.Domain.Results;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.Ties;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The chair breaks a first-place tie the statute leaves to them. Administrators and jurors may read the page; only
/// the panel's chair may cast, and <see cref="CastingVoteDesk"/> checks every rule again on the server.
/// </summary>
[Authorize]
public sealed class CastingVoteModel(CastingVoteDesk desk, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public string? Chosen { get; set; }

    [BindProperty]
    public string? Reason { get; set; }

    public CastingVoteDesk.Tie? Tie { get; private set; }
    public string CategoryLabel { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (Reason is { Length: > CastingVoteDesk.ReasonMaxLength })
        {
            ModelState.AddModelError(nameof(Reason), l["The reason can be at most {1} characters long.", "", CastingVoteDesk.ReasonMaxLength]);
            return Page();
        }
        var outcome = await desk.CastAsync(id, User.UserId(), Chosen, Reason, cancellationToken);
        switch (outcome)
        {
            case CastingVoteDesk.Outcome.Cast:
                return RedirectToPage(new { id });
            case CastingVoteDesk.Outcome.NotFound:
                return NotFound();
            case CastingVoteDesk.Outcome.Forbidden:
                return Forbid();
        }
        ModelState.AddModelError(outcome == CastingVoteDesk.Outcome.NotTied ? nameof(Chosen) : outcome == CastingVoteDesk.Outcome.ReasonRequired ? nameof(Reason) : "",
            CastingVoteDesk.Describe(outcome, l));
        await LoadAsync(id, cancellationToken);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Tie = await desk.LoadAsync(id, User.UserId(), cancellationToken);
        if (Tie is null)
            return NotFound();
        // The tie and its names are the jury's business: the chair, and the association's administrators.
        if (!Tie.IsChair && !User.IsAdministrator())
            return Forbid();
        CategoryLabel = l["Round {0}", Tie.RoundNumber];
        return null;
    }
}
