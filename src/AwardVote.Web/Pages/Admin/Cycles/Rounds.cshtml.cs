using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>Rounds and their counting methods, the tie-break chain and the win rule.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class RoundsModel(StatuteEditor editor, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Guid Version { get; set; }
        public List<RoundRow> Rounds { get; set; } = [];
        public List<TieBreakRow> TieBreaks { get; set; } = [];

        [Range(1, 1000, ErrorMessage = "Enter a whole number greater than zero, or leave it empty.")]
        [Display(Name = "Minimum first places")]
        public int? MinimumFirstPlaces { get; set; }

        [Display(Name = "Minimum lead (points)")]
        public string? MinimumLead { get; set; }
    }

    public sealed class RoundRow
    {
        [Display(Name = "Ballot")]
        public BallotKind Kind { get; set; }

        [Display(Name = "Counting method")]
        public CountingMethod Method { get; set; }

        [Range(1, 1000, ErrorMessage = "Enter a whole number greater than zero, or leave it empty.")]
        [Display(Name = "Nominations going on to the next round")]
        public int? ShortlistSize { get; set; }

        [Display(Name = "Two nominations may share a rank")]
        public bool AllowEqualRanks { get; set; }

        [Display(Name = "Remove this round")]
        public bool Remove { get; set; }
    }

    public sealed class TieBreakRow
    {
        [Display(Name = "Rule")]
        public TieBreakRule Rule { get; set; }

        [Display(Name = "Criterion")]
        public int? CriterionPosition { get; set; }

        [Display(Name = "Remove this step")]
        public bool Remove { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input = new InputModel
        {
            Version = cycle.Version,
            Rounds = cycle.Rounds.OrderBy(r => r.Number).Select(r => new RoundRow
            {
                Kind = r.Kind, Method = r.Method, ShortlistSize = r.ShortlistSize, AllowEqualRanks = r.AllowEqualRanks,
            }).ToList(),
            TieBreaks = cycle.TieBreakChain.OrderBy(s => s.Order).Select(s => new TieBreakRow
            {
                Rule = s.Rule, CriterionPosition = StatuteChanges.CriterionPosition(cycle, s.CriterionId),
            }).ToList(),
            MinimumFirstPlaces = cycle.WinRule.MinimumFirstPlaces,
            MinimumLead = CycleEditing.FormatDecimal(cycle.WinRule.MinimumLead),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAddRoundAsync(int id, CancellationToken cancellationToken) =>
        await RedrawAsync(id, () => Input.Rounds.Add(new RoundRow { Kind = BallotKind.Ranked, Method = CountingMethod.Schulze }), cancellationToken);

    public async Task<IActionResult> OnPostAddTieBreakAsync(int id, CancellationToken cancellationToken) =>
        await RedrawAsync(id, () => Input.TieBreaks.Add(new TieBreakRow { Rule = TieBreakRule.ChairCastingVote }), cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        if (!CycleEditing.TryParseDecimal(Input.MinimumLead, out var lead))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.MinimumLead)}", l["Enter the lead as a number, or leave it empty."]);
        if (!ModelState.IsValid)
            return Page();
        if (cycle.StatuteIsLocked)
        {
            ModelState.AddModelError("", CycleEditing.LockedMessage(l));
            return Page();
        }

        var before = StatuteEditor.Snapshot(cycle);
        var rounds = Input.Rounds.Where(r => !r.Remove).ToList();
        StatuteChanges.SetRounds(cycle, rounds
            .Select((r, i) => new RoundData(r.Kind, r.Method, i == rounds.Count - 1 ? null : r.ShortlistSize, r.AllowEqualRanks))
            .ToList());
        StatuteChanges.SetTieBreakChain(cycle, Input.TieBreaks.Where(s => !s.Remove)
            .Select(s => new TieBreakData(s.Rule, s.CriterionPosition)).ToList());
        cycle.WinRule.MinimumFirstPlaces = Input.MinimumFirstPlaces;
        cycle.WinRule.MinimumLead = lead;
        if (!CycleEditing.AddProblems(ModelState, StatuteRules.Validate(cycle), l, StatuteSection.Rounds, StatuteSection.TieBreak))
            return Page();

        var outcome = await editor.SaveAsync(cycle, Input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
        if (CycleEditing.Refusal(outcome, l) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = await editor.CurrentVersionAsync(id, cancellationToken) ?? Input.Version;
            return Page();
        }
        TempData["Saved"] = l["The rounds and the tie-break chain are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Rounds");
    }

    private async Task<IActionResult> RedrawAsync(int id, Action add, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        add();
        ModelState.Clear();
        return Page();
    }
}
