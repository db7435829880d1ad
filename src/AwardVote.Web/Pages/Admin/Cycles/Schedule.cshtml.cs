using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>
/// When each phase starts, typed in the cycle's time zone and stored in UTC. Unlike the statute, the dates of
/// phases not yet reached can change after nominations open (a jury may need a week more).
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class ScheduleModel(StatuteEditor editor, IStringLocalizer<SharedResource> l) : PageModel
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

        var before = StatuteEditor.Snapshot(Cycle);
        foreach (var step in Steps.Where(s => s.Sequence > ReachedSequence))
        {
            var local = Input.StartsAt.GetValueOrDefault(step.Sequence);
            if (!CycleEditing.TryToUtc(local, Cycle.TimeZone, out var utc))
            {
                // In the summary: the table's inputs have no message slot of their own.
                ModelState.AddModelError("",
                    l["{0}: this time does not exist in the cycle's time zone (the clocks jump forward then).", Localization.DisplayNames.Step(step.Phase, step.RoundNumber, l)]);
                continue;
            }
            step.StartsAt = utc;
        }
        if (!ModelState.IsValid)
            return Page();
        if (!CycleEditing.AddProblems(ModelState, StatuteRules.ValidateSchedule(Cycle.Schedule), l, StatuteSection.Schedule))
            return Page();

        var outcome = await editor.SaveAsync(Cycle, Input.Version, StatuteEditor.ScheduleChanged, before, [], scheduleOnly: true, cancellationToken);
        if (CycleEditing.Refusal(outcome, l) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = await editor.CurrentVersionAsync(id, cancellationToken) ?? Input.Version;
            return Page();
        }
        TempData["Saved"] = l["The schedule is saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Schedule");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return false;
        Cycle = cycle;
        Steps = cycle.Schedule.OrderBy(s => s.Sequence).ToList();
        // Steps up to the current one have happened: their dates are history and stay as they are.
        ReachedSequence = PhasePlan.CurrentStep(cycle)?.Sequence ?? int.MaxValue;
        return true;
    }
}
