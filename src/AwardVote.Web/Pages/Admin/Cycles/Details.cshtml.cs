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
/// One cycle for the administrator: what is left to set up, the parts of the statute, moving its phase by hand
/// (<see cref="MovePhase"/>, as POST /api/admin/cycles/{id}/phase) and, after a judging round, repeating it
/// (<see cref="RepeatRound"/>, as POST /api/admin/cycles/{id}/repeat-round): the one way back into a closed round.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class DetailsModel(AppDbContext db, MovePhase move, RepeatRound repeat, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;
    public IReadOnlyList<StatuteProblem> Problems { get; private set; } = [];
    public PhaseStep? Current { get; private set; }
    public PhaseStep? Next { get; private set; }
    public PhaseStep? Previous { get; private set; }

    [BindProperty]
    public MovePhaseInput Move { get; set; } = new();

    /// <summary>
    /// The repeat's reason; its close is <see cref="RepeatClosesAt"/>, in the cycle's time zone. Bound by its own
    /// handler only, so that neither form's rules refuse the other's post.
    /// </summary>
    public RepeatRoundInput Repeat { get; set; } = new();

    public DateTime? RepeatClosesAt { get; set; }

    /// <summary>A judging round lies behind the cycle and nothing is published: it may be repeated.</summary>
    public bool CanRepeatRound => Cycle.Phase is CyclePhase.Shortlist or CyclePhase.Counting or CyclePhase.ResultsReview;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Move.Version = Cycle.Version;
        Repeat.Version = Cycle.Version;
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

    public async Task<IActionResult> OnPostRepeatAsync(int id, DateTime? repeatClosesAt, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        await TryUpdateModelAsync(Repeat, nameof(Repeat));
        // The use case checks the input, as it does for the API: one set of refusals, not the binder's and its own.
        ModelState.Clear();
        RepeatClosesAt = repeatClosesAt;
        Repeat.ClosesAt = repeatClosesAt is not null && CycleEditing.TryToUtc(repeatClosesAt, Cycle.TimeZone, out var utc) ? utc : null;
        var outcome = await repeat.RunAsync(id, Repeat, cancellationToken);
        if (!outcome.Succeeded)
        {
            Move.Version = Cycle.Version;
            return this.Refused(outcome, nameof(Repeat)) ?? Page();
        }
        TempData["Saved"] = l["The round is open again; every juror was told why by e-mail."].Value;
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
