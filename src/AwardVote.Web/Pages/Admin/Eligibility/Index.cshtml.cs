using AwardVote.Domain.Libraries;
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

namespace AwardVote.Web.Pages.Admin.Eligibility;

/// <summary>
/// Eligibility screening: each submitted nomination beside the statute's rules, passed or failed with a reason
/// the library sees and receives by mail (<see cref="DecideEligibility"/>, <see cref="ListCycleNominations"/>, as the
/// API does).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(
    AppDbContext db,
    DecideEligibility decide,
    ListCycleNominations list,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public List<AwardCycle> Cycles { get; private set; } = [];
    public AwardCycle? Cycle { get; private set; }
    public List<Row> Nominations { get; private set; } = [];

    [BindProperty(SupportsGet = true)]
    public int? CycleId { get; set; }

    /// <summary>The form names it beside the decision's fields (Decision.NominationId); the decision itself has no id.</summary>
    [BindProperty(Name = NominationField)]
    public int NominationId { get; set; }

    private const string NominationField = $"{nameof(Decision)}.{nameof(NominationId)}";

    [BindProperty]
    public DecideEligibilityInput Decision { get; set; } = new();

    [TempData]
    public string? Message { get; set; }

    public sealed record Row(int Id, string LibraryName, string CategoryName, string? PublicSummary, EligibilityDecision Eligibility,
        string? EligibilityReason);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostDecideAsync(CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().Where(n => n.Id == NominationId)
            .Select(n => new { n.CycleId, n.LibraryId }).SingleOrDefaultAsync(cancellationToken);
        if (nomination is null)
            return NotFound();
        CycleId = nomination.CycleId;
        var decided = await decide.RunAsync(NominationId, User.UserId(), Decision, cancellationToken);
        if (!decided.Succeeded)
        {
            if (this.Refused(decided, "Decision") is { } answer)
                return answer;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var library = LibraryName.Of(await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken));
        Message = l["Decision saved for {0}; the library was told by e-mail.", library.In(GrammaticalCase.Accusative)];
        return RedirectToPage(new { cycleId = nomination.CycleId });
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Cycles = await db.Cycles.Where(c => PhasePlan.PhasesFrom(CyclePhase.NominationsOpen).Contains(c.Phase)).OrderByDescending(c => c.Year).ToListAsync(cancellationToken);
        var cycleId = CycleId ?? Cycles.Where(x => x.Phase is CyclePhase.NominationsOpen or CyclePhase.EligibilityReview).Select(x => x.Id).FirstOrDefault();
        Cycle = await db.Cycles.Include(c => c.EligibilityRules).Include(c => c.Categories)
            .SingleOrDefaultAsync(c => c.Id == cycleId, cancellationToken);
        if (Cycle is null)
            return;
        CycleId = Cycle.Id;
        var categories = Cycle.Categories.ToDictionary(c => c.Id, c => DisplayNames.Pick(c.Name, c.NameEn));
        var rows = await list.RunAsync(Cycle.Id, new NominationViewer(User.UserId(), IsAdministrator: true), cancellationToken);
        Nominations = (rows.Value ?? [])
            .Where(n => n.Status == NominationStatus.Submitted)
            .Select(n => new Row(n.Id, n.LibraryName, categories[n.CategoryId], n.PublicSummary, n.Eligibility!.Value, n.EligibilityReason))
            .ToList();
    }
}
