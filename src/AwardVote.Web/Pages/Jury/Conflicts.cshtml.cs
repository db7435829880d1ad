using AwardVote.Application.Jury;
using AwardVote.Domain.Judging;
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
/// declarations, read only. The API lists and decides the same.
/// </summary>
public sealed class ConflictsModel(
    AppDbContext db,
    ListPanelConflicts list,
    ProposeConflicts propose,
    DecideConflict decide,
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

    [TempData]
    public string? Message { get; set; }

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
