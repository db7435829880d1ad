using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>
/// The library asks partners for letters of support and sees which arrived (<see cref="RequestEndorsement"/>,
/// <see cref="ListEndorsements"/>, as the API does).
/// </summary>
[Authorize]
public sealed class EndorsementsModel(
    AppDbContext db,
    LoadNomination load,
    RequestEndorsement request,
    ListEndorsements list,
    TimeProvider clock,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public RequestEndorsementInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public List<EndorsementRow> Endorsements { get; private set; } = [];
    public string? Locked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostRequestAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        // A locked nomination says so, whatever the form holds.
        if (Locked is null && !ModelState.IsValid)
            return Page();
        var requested = await request.RunAsync(id, User.UserId(), Input, cancellationToken);
        if (!requested.Succeeded)
            return this.Refused(requested) ?? Page();
        Message = l["{0} was asked for a letter of support.", requested.Value!.EndorserName];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        Nomination = nomination;
        Endorsements = await list.RunAsync(id, cancellationToken);
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        Locked = NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked ? RefusalText.Describe(locked, l) : null;
        return null;
    }
}
