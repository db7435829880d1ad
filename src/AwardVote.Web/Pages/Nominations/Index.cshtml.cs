using System.ComponentModel.DataAnnotations;
using AwardVote.Application;
using AwardVote.Application.Nominations;
using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
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
/// A library's nominations: its own, those it made for others, and new ones for the open cycles
/// (<see cref="StartNomination"/>, <see cref="ConfirmNomination"/> and <see cref="DeclineNomination"/>, as the API does).
/// </summary>
[Authorize]
public sealed class IndexModel(
    AppDbContext db,
    IAuthorizationService authorization,
    StartNomination start,
    ConfirmNomination confirm,
    DeclineNomination decline,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public List<Library> MyLibraries { get; private set; } = [];
    /// <summary>The libraries the person may start a nomination for: approved ones, and those awaiting approval (a draft).</summary>
    public List<Library> ActingLibraries => MyLibraries.Where(x => x.Status is LibraryStatus.Approved or LibraryStatus.PendingApproval).ToList();
    public List<Row> Nominations { get; private set; } = [];
    public List<OpenCategory> OpenCategories { get; private set; } = [];
    public List<Library> OtherLibraries { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    [BindProperty]
    public StartInput Start { get; set; } = new();

    public sealed record Row(int Id, string LibraryName, int LibraryId, string? NominatedBy, string CycleTitle, string? CycleTitleEn,
        string CategoryName, string? CategoryNameEn, NominationStatus Status, EligibilityDecision Eligibility, string? EligibilityReason,
        bool IsFrozen, bool NomineeIsMine);

    public sealed record OpenCategory(int CycleId, int CategoryId, string Label);

    public sealed class StartInput
    {
        [Required(ErrorMessage = "Choose the award cycle and category.")]
        [Display(Name = "Award cycle and category")]
        public string? CycleCategory { get; set; }

        [Display(Name = "Your library")]
        public int ActingLibraryId { get; set; }

        /// <summary>Empty: the acting library nominates itself.</summary>
        [Display(Name = "Nominee")]
        public int? NomineeLibraryId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostStartAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || !TryParse(Start.CycleCategory, out var cycleId, out var categoryId))
        {
            ModelState.AddModelError("", l["Choose the award cycle and category."]);
            await LoadAsync(cancellationToken);
            return Page();
        }
        var acting = await db.Libraries.AsNoTracking().SingleOrDefaultAsync(x => x.Id == Start.ActingLibraryId, cancellationToken);
        if (acting is null || !(await authorization.AuthorizeAsync(User, acting, LibraryOperations.ActFor)).Succeeded)
            return Forbid();

        var outcome = await start.RunAsync(cycleId, User.UserId(), new StartNominationInput
        {
            CategoryId = categoryId, ActingLibraryId = acting.Id, NomineeLibraryId = Start.NomineeLibraryId,
        }, cancellationToken);
        if (!outcome.Succeeded)
            return await RefusedAsync(outcome, "Start", cancellationToken);
        var nomination = outcome.Value!;
        if (nomination.NominatedByLibraryId is not null)
        {
            var nominee = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
            Message = l["{0} was nominated. The nomination counts once the library confirms it.", nominee];
            return RedirectToPage();
        }
        return RedirectToPage("./Edit", new { id = nomination.Id });
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, bool accept, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().SingleOrDefaultAsync(n => n.Id == id, cancellationToken);
        if (nomination is null)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        var outcome = accept
            ? await confirm.RunAsync(id, cancellationToken)
            : await decline.RunAsync(id, cancellationToken);
        if (!outcome.Succeeded)
            return await RefusedAsync(outcome, null, cancellationToken);
        return accept ? RedirectToPage("./Edit", new { id }) : RedirectToPage();
    }

    private async Task<IActionResult> RefusedAsync(Outcome outcome, string? prefix, CancellationToken cancellationToken)
    {
        if (this.Refused(outcome, prefix) is { } answer)
            return answer;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private static bool TryParse(string? value, out int cycleId, out int categoryId)
    {
        cycleId = categoryId = 0;
        var parts = value?.Split(':');
        return parts is { Length: 2 } && int.TryParse(parts[0], out cycleId) && int.TryParse(parts[1], out categoryId);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var myLibraryIds = await db.RoleGrants
            .Where(g => g.UserId == userId && g.Role == ScopedRole.LibraryRepresentative)
            .Select(g => g.LibraryId!.Value)
            .ToListAsync(cancellationToken);
        MyLibraries = await db.Libraries.Where(x => myLibraryIds.Contains(x.Id)).OrderBy(x => x.Name).ToListAsync(cancellationToken);

        Nominations = await (
                from n in db.Nominations
                // The nominator's rows follow Nomination.NominatorMayRead: none after a decline.
                where myLibraryIds.Contains(n.LibraryId)
                      || (n.NominatedByLibraryId != null && myLibraryIds.Contains(n.NominatedByLibraryId.Value)
                          && (n.Status == NominationStatus.AwaitingNomineeConfirmation || n.NomineeConfirmedAt != null))
                join library in db.Libraries on n.LibraryId equals library.Id
                join cycle in db.Cycles on n.CycleId equals cycle.Id
                join category in db.Categories on n.CategoryId equals category.Id
                orderby cycle.Year descending, library.Name
                select new Row(n.Id, library.Name, library.Id,
                    db.Libraries.Where(b => b.Id == n.NominatedByLibraryId).Select(b => b.Name).FirstOrDefault(),
                    cycle.Title, cycle.TitleEn, category.Name, category.NameEn, n.Status, n.Eligibility, n.EligibilityReason,
                    n.FrozenAt != null, myLibraryIds.Contains(n.LibraryId)))
            .ToListAsync(cancellationToken);

        var now = clock.GetUtcNow();
        var open = await db.Cycles.Include(c => c.Schedule).Include(c => c.Categories)
            .Where(c => c.Phase == CyclePhase.NominationsOpen).ToListAsync(cancellationToken);
        OpenCategories = open.Where(c => PhasePlan.AcceptsNominations(c, now))
            .SelectMany(c => c.Categories.OrderBy(x => x.Order).Select(x => new OpenCategory(c.Id, x.Id,
                $"{DisplayNames.Pick(c.Title, c.TitleEn)} — {DisplayNames.Pick(x.Name, x.NameEn)}")))
            .ToList();
        OtherLibraries = await db.Libraries.Where(x => x.Status == LibraryStatus.Approved && !myLibraryIds.Contains(x.Id))
            .OrderBy(x => x.Name).ToListAsync(cancellationToken);
        if (Start.ActingLibraryId == 0 && (MyLibraries.FirstOrDefault(x => x.Status == LibraryStatus.Approved) ?? ActingLibraries.FirstOrDefault()) is { } first)
            Start.ActingLibraryId = first.Id;
    }
}
