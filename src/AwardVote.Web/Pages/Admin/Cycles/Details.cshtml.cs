using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>One cycle for the administrator: what is left to set up, the parts of the statute, and moving its phase by hand.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(AppDbContext db, StatuteEditor editor, AuditLog audit, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;
    public IReadOnlyList<StatuteProblem> Problems { get; private set; } = [];
    public PhaseStep? Current { get; private set; }
    public PhaseStep? Next { get; private set; }
    public PhaseStep? Previous { get; private set; }

    [BindProperty]
    public MoveInput Move { get; set; } = new();

    public sealed class MoveInput
    {
        public Guid Version { get; set; }

        [Required(ErrorMessage = "Choose where to move the cycle.")]
        [RegularExpression("^(next|back)$", ErrorMessage = "Choose where to move the cycle.")]
        public string Direction { get; set; } = "next";

        [Required(ErrorMessage = "Give the reason for moving the phase by hand; it is kept in the audit log.")]
        [StringLength(1000, ErrorMessage = "The reason is too long.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = "";
    }

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
        var (target, refusal) = ManualMove.Target(Cycle, forward: Move.Direction != "back");
        if (ModelState.IsValid && refusal != ManualMoveRefusal.None)
            ModelState.AddModelError("", MoveRefusal(refusal, l));
        if (ModelState.IsValid && Move.Version != Cycle.Version)
            ModelState.AddModelError("", CycleEditing.StaleMessage(l));
        if (!ModelState.IsValid)
            return Refresh();

        db.Entry(Cycle).Property(c => c.Version).OriginalValue = Move.Version;
        var moved = await CycleTransitions.MoveAsync(db, audit, Cycle, target!, clock.GetUtcNow(), Move.Reason.Trim(),
            CycleTransitions.MovedByHand, cancellationToken);
        if (!moved)
        {
            ModelState.AddModelError("", CycleEditing.StaleMessage(l));
            return Refresh();
        }
        TempData["Saved"] = l["The cycle moved to {0}.", Localization.DisplayNames.Phase(Cycle.Phase, l)].Value;
        return Redirect($"/Admin/Cycles/{id}");
    }

    public static string MoveRefusal(ManualMoveRefusal refusal, IStringLocalizer l) => refusal switch
    {
        ManualMoveRefusal.StatuteIncomplete => l["Nominations cannot open while the statute has problems (listed on the cycle's page)."],
        ManualMoveRefusal.PublicationOnly => l["Results are published from the publication page, with approved citations; published results are not taken back."],
        _ => l["The cycle cannot move in that direction from here."],
    };

    private IActionResult Refresh()
    {
        // A stale form shows the current version, so saving again is a deliberate second decision.
        ModelState.Remove($"{nameof(Move)}.{nameof(MoveInput.Version)}");
        Move.Version = Cycle.Version;
        return Page();
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        Problems = StatuteRules.Validate(cycle);
        Current = PhasePlan.CurrentStep(cycle);
        Next = PhasePlan.NextStep(cycle);
        Previous = Current is null ? null : cycle.Schedule.Where(s => s.Sequence < Current.Sequence).MaxBy(s => s.Sequence);
        return true;
    }
}
