using AwardVote.Application.Jury;
using AwardVote.Domain.Judging;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The panel's conflicts of interest (<see cref="ListPanelConflicts"/>): the system's proposals, which the chair or an
/// administrator confirms or dismisses with a reason (<see cref="DecideConflict"/>), and the jurors' own
/// declarations, read only; the chair also records a conflict by hand (<see cref="AddConflict"/>) and reopens a
/// decided one (<see cref="ReopenConflict"/>). The API lists, decides, records and reopens the same.
/// </summary>
public sealed class ConflictsModel(
    AppDbContext db,
    ListPanelConflicts list,
    ProposeConflicts propose,
    DecideConflict decide,
    AddConflict add,
    ReopenConflict reopen,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    /// <summary>Which proposal the form decides (one form per proposal).</summary>
    [BindProperty(Name = ConflictIdField)]
    public int ConflictId { get; set; }

    private const string ConflictIdField = "Decision.ConflictId";

    [BindProperty]
    public DecideConflictInput Decision { get; set; } = new();

    /// <summary>The conflict recorded by hand (bound by its handler only: its required fields must not fail the others).</summary>
    public AddConflictInput NewConflict { get; private set; } = new();

    [TempData]
    public string? Message { get; set; }

    public List<(string Id, string Name)> Jurors { get; private set; } = [];
    public List<(int Id, string Name)> Nominees { get; private set; } = [];

    public string CycleTitle { get; private set; } = "";
    public string CategoryName { get; private set; } = "";
    public List<PanelConflictRow> Proposed { get; private set; } = [];
    public List<PanelConflictRow> Decided { get; private set; } = [];
    public List<PanelConflictRow> Declared { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        var outcome = await propose.RunAsync(CycleId, CategoryId, cancellationToken);
        if (this.Refused(outcome) is { } refused)
            return refused;
        Message = outcome.Value == 0 ? l["No new conflicts to propose."] : l["{0} new conflicts proposed.", outcome.Value];
        return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        if (ModelState.IsValid)
        {
            var outcome = await decide.RunAsync(CycleId, CategoryId, ConflictId, Decision, User.UserId(), cancellationToken);
            if (outcome.Succeeded)
            {
                Message = Decision.Confirm ? l["The conflict is confirmed."] : l["The proposal is dismissed."];
                return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
            }
            // One form per proposal: the summary at the top is where the error is read.
            if (this.Refused(outcome, prefix: nameof(Decision)) is { } answer)
                return answer;
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync([Bind(Prefix = nameof(NewConflict))] AddConflictInput newConflict, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        NewConflict = newConflict;
        // The use case checks its input and words every refusal; the binder's own errors would say it twice.
        ModelState.Clear();
        var outcome = await add.RunAsync(CycleId, CategoryId, newConflict, User.UserId(), cancellationToken);
        if (outcome.Succeeded)
        {
            Message = l["The conflict is recorded and the juror is told."];
            return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
        }
        if (this.Refused(outcome, prefix: nameof(NewConflict)) is { } answer)
            return answer;
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReopenAsync([Bind(Prefix = "Reopening")] ReopenConflictInput reopening, CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        ModelState.Clear();
        var outcome = await reopen.RunAsync(CycleId, CategoryId, ConflictId, reopening, User.UserId(), cancellationToken);
        if (outcome.Succeeded)
        {
            Message = l["The decision is reopened: the juror cannot vote on the nomination until it is decided again."];
            return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
        }
        if (this.Refused(outcome, prefix: "Reopening") is { } answer)
            return answer;
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Forbid for anyone but the panel's chair or an administrator; 404 for a panel that does not exist.</summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken cancellationToken)
    {
        if (await this.ForbidUnlessAsync(new Panel(CycleId, CategoryId), PanelOperations.Manage) is { } denied)
            return denied;
        var panel = await db.Categories.Where(c => c.Id == CategoryId && c.CycleId == CycleId)
            .Join(db.Cycles, c => c.CycleId, y => y.Id, (c, y) => new { c.Name, c.NameEn, y.Title, y.TitleEn })
            .SingleOrDefaultAsync(cancellationToken);
        if (panel is null)
            return NotFound();
        CycleTitle = DisplayNames.Pick(panel.Title, panel.TitleEn);
        CategoryName = DisplayNames.Pick(panel.Name, panel.NameEn);
        return null;
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await list.RunAsync(CycleId, CategoryId, cancellationToken) ?? [];
        Declared = all.Where(r => r.IsDeclared).ToList();
        Proposed = all.Where(r => r.AwaitsDecision).ToList();
        Decided = all.Where(r => !r.IsDeclared && !r.AwaitsDecision).ToList();
        var jurorIds = await JuryMembership.JurorsOfAsync(db, CycleId, CategoryId, cancellationToken);
        Jurors = (await db.Users.Where(u => jurorIds.Contains(u.Id)).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName })
                .ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.DisplayName)).ToList();
        Nominees = (await db.Nominations
                .Where(n => n.CycleId == CycleId && n.CategoryId == CategoryId && n.Status == NominationStatus.Submitted
                            && n.Eligibility == EligibilityDecision.Eligible)
                .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name })
                .OrderBy(x => x.Name).ToListAsync(cancellationToken))
            .Select(x => (x.Id, x.Name)).ToList();
    }

    public string SourceName(ConflictSource source) => source switch
    {
        ConflictSource.DeclaredByJuror => l["Declared by the juror"],
        ConflictSource.OwnLibrary => l["The juror works at the nominee"],
        ConflictSource.RepresentedLibrary => l["The juror represents the nominee"],
        ConflictSource.SameMunicipality => l["Same municipality"],
        ConflictSource.SameRegion => l["Same region"],
        ConflictSource.DeclaredRelationship => l["Declared relationship"],
        _ => source.ToString(),
    };

    public string StatusName(ConflictStatus status) => status switch
    {
        ConflictStatus.Proposed => l["Proposed"],
        ConflictStatus.Confirmed => l["Confirmed"],
        ConflictStatus.Dismissed => l["Dismissed"],
        _ => status.ToString(),
    };
}
