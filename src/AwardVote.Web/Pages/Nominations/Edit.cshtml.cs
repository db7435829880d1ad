using AwardVote.Domain.Libraries;
using AwardVote.Application;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>
/// The nomination form (<see cref="SaveNomination"/>, <see cref="SubmitNomination"/>, <see cref="ResubmitNomination"/>,
/// <see cref="WithdrawNomination"/>, as the API does). A refused save (deadline, frozen, changed in another tab, a
/// half-filled row, a submitted nomination) shows the reason and keeps every typed value in the form, so nothing the
/// library wrote is lost.
/// </summary>
[Authorize]
public sealed class EditModel(
    AppDbContext db,
    LoadNomination load,
    SaveNomination save,
    SubmitNomination submit,
    ResubmitNomination resubmit,
    WithdrawNomination withdraw,
    IAuthorizationService authorization,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    private const int BlankRows = 3;

    [BindProperty]
    public NominationInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public AwardCycle Cycle { get; private set; } = null!;
    public LibraryName LibraryName { get; private set; } = new("", "", "", "", "");
    public string? Locked { get; private set; }
    /// <summary>Once the results are published: whether this nomination won, and who did.</summary>
    public PublishedResult? Result { get; private set; }

    public sealed record PublishedResult(bool IsLaureate, string LaureateName);

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        Input = FromNomination(Nomination);
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Redisplay();
        var saved = await save.RunAsync(id, Input, cancellationToken);
        if (!saved.Succeeded)
            return Redisplay(saved);
        Message = l["The draft was saved."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Redisplay();
        // What is in the form is saved first: submitting never loses the last edits.
        var saved = await save.RunAsync(id, Input, cancellationToken);
        if (!saved.Succeeded)
            return Redisplay(saved);
        var submitted = await submit.RunAsync(id, saved.Value!.Version, cancellationToken);
        if (!submitted.Succeeded)
        {
            Message = RefusalText.Describe(submitted.FirstRefusal!, l);
            return RedirectToPage(new { id });
        }
        Message = l["The nomination was submitted. A receipt is on its way by e-mail."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostResubmitAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (!ModelState.IsValid)
            return Redisplay();
        var resubmitted = await resubmit.RunAsync(id, Input, cancellationToken);
        if (!resubmitted.Succeeded)
            return Redisplay(resubmitted);
        Message = l["The changes were submitted. The jury reads this version; a receipt listing what changed is on its way by e-mail."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        var withdrawn = await withdraw.RunAsync(id, Input.Version, cancellationToken);
        Message = withdrawn.Succeeded
            ? l["The nomination was withdrawn. You can submit it again until the deadline."]
            : RefusalText.Describe(withdrawn.FirstRefusal!, l);
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        Nomination = nomination;
        Cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        LibraryName = LibraryName.Of(await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken));
        Locked = NominationLock.WhyLocked(Cycle, nomination, clock.GetUtcNow()) is { } locked ? RefusalText.Describe(locked, l) : null;
        Result = await PublishedResultAsync(nomination, cancellationToken);
        return null;
    }

    /// <summary>The category's announcement in force (the latest published, corrections included), for a judged nomination.</summary>
    private async Task<PublishedResult?> PublishedResultAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        if (Cycle.Phase < CyclePhase.Published || nomination.Status != NominationStatus.Submitted)
            return null;
        var laureate = await db.Publications.AsNoTracking()
            .Where(p => p.CycleId == nomination.CycleId && p.CategoryId == nomination.CategoryId && p.PublishedAt != null)
            .OrderByDescending(p => p.Sequence)
            .Select(p => p.LaureateNominationId)
            .FirstOrDefaultAsync(cancellationToken);
        if (laureate == 0)
            return null;
        var name = await db.Nominations.Where(n => n.Id == laureate)
            .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => x.Name).SingleAsync(cancellationToken);
        return new PublishedResult(laureate == nomination.Id, name);
    }

    private IActionResult Redisplay(Outcome? refused = null)
    {
        if (refused is not null && this.Refused(refused) is { } answer)
            return answer;
        AddBlankRows();
        return Page();
    }

    private static NominationInput FromNomination(Nomination n) => new()
    {
        Version = n.Version,
        PublicSummary = n.PublicSummary,
        Achievements = n.Achievements,
        Projects = n.Projects,
        Partners = n.Partners.OrderBy(p => p.Order).Select(p => new PartnerRow { Name = p.Name, Role = p.Role }).ToList(),
        Statistics = n.Statistics.Select(s => new StatisticRow { Kind = s.Kind, Label = s.Label, Value = s.Value, Unit = s.Unit, Year = s.Year }).ToList(),
        Links = n.Links.OrderBy(x => x.Order).Select(x => new LinkRow { Url = x.Url, Title = x.Title }).ToList(),
    };

    private void AddBlankRows()
    {
        if (Locked is not null)
            return;
        Input.Partners.RemoveAll(p => string.IsNullOrWhiteSpace(p.Name) && string.IsNullOrWhiteSpace(p.Role));
        Input.Statistics.RemoveAll(s => s.Value is null && s.Year is null && string.IsNullOrWhiteSpace(s.Label) && string.IsNullOrWhiteSpace(s.Unit));
        Input.Links.RemoveAll(x => string.IsNullOrWhiteSpace(x.Url) && string.IsNullOrWhiteSpace(x.Title));
        // Never past a list's cap: a nomination with all its rows filled must still save with its blank rows.
        for (var i = 0; i < BlankRows; i++)
        {
            if (Input.Partners.Count < NominationInput.MaxPartners)
                Input.Partners.Add(new PartnerRow());
            if (Input.Statistics.Count < NominationInput.MaxStatistics)
                Input.Statistics.Add(new StatisticRow());
            if (Input.Links.Count < NominationInput.MaxLinks)
                Input.Links.Add(new LinkRow());
        }
    }
}
