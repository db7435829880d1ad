using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>
/// One cycle for the administrator: what is left to set up, the parts of the statute, and moving its phase by hand
/// (<see cref="MovePhase"/>, as POST /api/admin/cycles/{id}/phase).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(AppDbContext db, MovePhase move, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;
    public IReadOnlyList<StatuteProblem> Problems { get; private set; } = [];
    public PhaseStep? Current { get; private set; }
    public PhaseStep? Next { get; private set; }
    public PhaseStep? Previous { get; private set; }

    [BindProperty]
    public MovePhaseInput Move { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Move.Version = Cycle.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Refresh();
        var outcome = await move.RunAsync(id, Move, cancellationToken);
        if (!outcome.Succeeded)
            return this.Refused(outcome, nameof(Move)) ?? Refresh();
        TempData["Saved"] = l["The cycle moved to {0}.", Localization.DisplayNames.Phase(outcome.Value!.Phase, l)].Value;
        return Redirect($"/Admin/Cycles/{id}");
    }

    private PageResult Refresh()
    {
        // A refused form shows the current version, so moving again is a deliberate second decision.
        ModelState.Remove($"{nameof(Move)}.{nameof(MovePhaseInput.Version)}");
        Move.Version = Cycle.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        Problems = StatuteRules.Validate(cycle);
        Current = PhasePlan.CurrentStep(cycle);
        Next = PhasePlan.NextStep(cycle);
        Previous = Current is null ? null : cycle.Schedule.Where(s => s.Sequence < Current.Sequence).MaxBy(s => s.Sequence);
        return true;
    }
}
