using AwardVote.Application;
using AwardVote.Application.Cycles;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>
/// When each phase starts, typed in the cycle's time zone and stored in UTC (<see cref="SaveSchedule"/>, as PUT
/// /api/admin/cycles/{id}/schedule). Unlike the statute, the dates of phases not yet reached can change after
/// nominations open (a jury may need a week more).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ScheduleModel(AppDbContext db, SaveSchedule save, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;
    public List<PhaseStep> Steps { get; private set; } = [];
    public int ReachedSequence { get; private set; }

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Guid Version { get; set; }
        /// <summary>Start times in the cycle's zone, by step sequence.</summary>
        public Dictionary<int, DateTime?> StartsAt { get; set; } = [];
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        Input.Version = Cycle.Version;
        Input.StartsAt = Steps.ToDictionary(s => s.Sequence, s => CycleEditing.ToLocal(s.StartsAt, Cycle.TimeZone));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();

        // The form shows the steps not reached yet as times in the cycle's zone; the use case takes them as moments.
        var steps = new List<ScheduleStepInput>();
        foreach (var step in Steps.Where(s => s.Sequence > ReachedSequence))
        {
            if (!CycleEditing.TryToUtc(Input.StartsAt.GetValueOrDefault(step.Sequence), Cycle.TimeZone, out var utc))
            {
                // In the summary: the table's inputs have no message slot of their own.
                ModelState.AddModelError("", RefusalText.Describe(Refusal.Invalid("", RefusalCode.StepTimeSkippedInZone, step.Phase, step.RoundNumber), l));
                continue;
            }
            steps.Add(new ScheduleStepInput(step.Sequence, utc));
        }
        if (!ModelState.IsValid)
            return Page();

        var outcome = await save.RunAsync(id, new SaveScheduleInput { Version = Input.Version, Steps = steps }, cancellationToken);
        if (!outcome.Succeeded)
        {
            await CycleEditing.KeepVersionAsync(this, db, outcome, id, $"{nameof(Input)}.{nameof(InputModel.Version)}", v => Input.Version = v, cancellationToken);
            return this.Refused(outcome, prefix: null) ?? Page();
        }
        TempData["Saved"] = l["The schedule is saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Schedule");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        Steps = cycle.Schedule.OrderBy(s => s.Sequence).ToList();
        // Steps up to the current one have happened: their dates are history and stay as they are.
        ReachedSequence = PhasePlan.CurrentStep(cycle)?.Sequence ?? int.MaxValue;
        return true;
    }
}
