using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Judging;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Jury;

/// <summary>
/// The panel's conflicts of interest: the system's proposals, which the chair or an administrator confirms or
/// dismisses (with a reason), and the jurors' own declarations, read only.
/// </summary>
[Authorize]
public sealed class ConflictsModel(
    AppDbContext db,
    JuryMembership jury,
    ConflictProposals proposals,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int CycleId { get; set; }

    [BindProperty(SupportsGet = true)]
    public int CategoryId { get; set; }

    [BindProperty]
    public DecisionInput Decision { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public string CycleTitle { get; private set; } = "";
    public string CategoryName { get; private set; } = "";
    public List<Row> Proposed { get; private set; } = [];
    public List<Row> Decided { get; private set; } = [];
    public List<Row> Declared { get; private set; } = [];

    public sealed record Row(ConflictOfInterest Conflict, string JurorName, string LibraryName, string? DeciderName);

    public sealed class DecisionInput
    {
        public int ConflictId { get; set; }
        public bool Confirm { get; set; }

        [StringLength(2000, ErrorMessage = "The reason can be at most {1} characters long.")]
        [Display(Name = "Reason")]
        public string? Reason { get; set; }
    }

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
        var added = await proposals.ProposeAsync(CycleId, CategoryId, cancellationToken);
        Message = added == 0 ? l["No new conflicts to propose."] : l["{0} new conflicts proposed.", added];
        return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
    }

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        if (await RefuseAsync(cancellationToken) is { } refusal)
            return refusal;
        var conflict = await db.Conflicts
            .Join(db.Nominations, c => c.NominationId, n => n.Id, (c, n) => new { c, n.CategoryId })
            .Where(x => x.c.Id == Decision.ConflictId && x.c.CycleId == CycleId && x.CategoryId == CategoryId)
            .Select(x => x.c)
            .SingleOrDefaultAsync(cancellationToken);
        if (conflict is null)
            return NotFound();
        if (ModelState.IsValid)
        {
            switch (await proposals.DecideAsync(conflict, Decision.Confirm, Decision.Reason, User.UserId(), cancellationToken))
            {
                case ConflictProposals.DecisionOutcome.Decided:
                    Message = Decision.Confirm ? l["The conflict is confirmed."] : l["The proposal is dismissed."];
                    return RedirectToPage(new { cycleId = CycleId, categoryId = CategoryId });
                case ConflictProposals.DecisionOutcome.ReasonRequired:
                    // Model-level: one form per proposal, so the summary at the top is where the error is read.
                    ModelState.AddModelError("", l["Give the reason for dismissing the proposal."]);
                    break;
                default:
                    ModelState.AddModelError("", l["This conflict has already been decided."]);
                    break;
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Forbid for anyone but the panel's chair or an administrator; 404 for a panel that does not exist.</summary>
    private async Task<IActionResult?> RefuseAsync(CancellationToken cancellationToken)
    {
        if (!await jury.CanManageAsync(User, CycleId, CategoryId))
            return Forbid();
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
        var rows = await db.Conflicts.AsNoTracking()
            .Where(c => c.CycleId == CycleId)
            .Join(db.Nominations.Where(n => n.CategoryId == CategoryId), c => c.NominationId, n => n.Id, (c, n) => new { c, n.LibraryId })
            .Join(db.Libraries, x => x.LibraryId, lib => lib.Id, (x, lib) => new { x.c, Library = lib.Name })
            .Join(db.Users, x => x.c.JurorUserId, u => u.Id, (x, u) => new { x.c, x.Library, Juror = u.DisplayName })
            .ToListAsync(cancellationToken);
        var deciderIds = rows.Where(r => r.c.DecidedByUserId != null).Select(r => r.c.DecidedByUserId!).Distinct().ToList();
        var deciders = await db.Users.Where(u => deciderIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, cancellationToken);
        var all = rows.Select(r => new Row(r.c, r.Juror, r.Library, r.c.DecidedByUserId is { } d ? deciders.GetValueOrDefault(d) : null))
            .OrderBy(r => r.JurorName, StringComparer.CurrentCulture).ThenBy(r => r.LibraryName, StringComparer.CurrentCulture)
            .ToList();
        Declared = all.Where(r => r.Conflict.Source == ConflictSource.DeclaredByJuror).ToList();
        Proposed = all.Where(r => r.Conflict.Source != ConflictSource.DeclaredByJuror && r.Conflict.Status == ConflictStatus.Proposed).ToList();
        Decided = all.Where(r => r.Conflict.Source != ConflictSource.DeclaredByJuror && r.Conflict.Status != ConflictStatus.Proposed).ToList();
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
