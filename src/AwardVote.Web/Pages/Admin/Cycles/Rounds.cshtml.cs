using System.ComponentModel.DataAnnotations;
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

/// <summary>Rounds and their counting methods, the tie-break chain and the win rule (<see cref="SaveRounds"/>).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class RoundsModel(AppDbContext db, SaveRounds save, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Guid Version { get; set; }
        public List<RoundInput> Rounds { get; set; } = [];
        public List<TieBreakRow> TieBreaks { get; set; } = [];

        [Range(1, 1000, ErrorMessage = "Enter a whole number greater than zero, or leave it empty.")]
        [Display(Name = "Minimum first places")]
        public int? MinimumFirstPlaces { get; set; }

        [Display(Name = "Minimum lead (points)")]
        public string? MinimumLead { get; set; }
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
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input = new InputModel
        {
            Version = cycle.Version,
            Rounds = cycle.Rounds.OrderBy(r => r.Number).Select(r => new RoundInput
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
        await RedrawAsync(id, () => Input.Rounds.Add(new RoundInput { Kind = BallotKind.Ranked, Method = CountingMethod.Schulze }), cancellationToken);

    public async Task<IActionResult> OnPostAddTieBreakAsync(int id, CancellationToken cancellationToken) =>
        await RedrawAsync(id, () => Input.TieBreaks.Add(new TieBreakRow { Rule = TieBreakRule.ChairCastingVote }), cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        // The form writes the lead as people do in its language ("0,5"); the use case takes a number.
        if (!CycleEditing.TryParseDecimal(Input.MinimumLead, out var lead))
            ModelState.AddModelError($"{nameof(Input)}.{nameof(InputModel.MinimumLead)}",
                RefusalText.Describe(Refusal.Invalid(nameof(InputModel.MinimumLead), RefusalCode.LeadNotNumber), l));
        if (!ModelState.IsValid)
            return Page();

        var outcome = await save.RunAsync(id, new SaveRoundsInput
        {
            Version = Input.Version,
            Rounds = Input.Rounds,
            TieBreakChain = Input.TieBreaks.Select(s => new TieBreakInput { Rule = s.Rule, Criterion = s.CriterionPosition, Remove = s.Remove }).ToList(),
            WinRule = new WinRuleInput { MinimumFirstPlaces = Input.MinimumFirstPlaces, MinimumLead = lead },
        }, cancellationToken);
        if (!outcome.Succeeded)
        {
            await CycleEditing.KeepVersionAsync(this, db, outcome, id, $"{nameof(Input)}.{nameof(InputModel.Version)}", v => Input.Version = v, cancellationToken);
            return this.Refused(outcome) ?? Page();
        }
        TempData["Saved"] = l["The rounds and the tie-break chain are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Rounds");
    }

    private async Task<IActionResult> RedrawAsync(int id, Action add, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        add();
        ModelState.Clear();
        return Page();
    }
}
