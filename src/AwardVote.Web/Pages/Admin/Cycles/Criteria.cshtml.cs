using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>The scoring criteria: weight, scale and a label for every score value.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CriteriaModel(StatuteEditor editor, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Guid Version { get; set; }
        public List<Row> Criteria { get; set; } = [];
    }

    public sealed class Row
    {
        public int Id { get; set; }

        [StringLength(300, ErrorMessage = "The name is too long.")]
        [Display(Name = "Name (Latvian)")]
        public string? Name { get; set; }

        [StringLength(300, ErrorMessage = "The name is too long.")]
        [Display(Name = "Name (English)")]
        public string? NameEn { get; set; }

        [StringLength(4000, ErrorMessage = "The description is too long.")]
        [Display(Name = "Description (Latvian)")]
        public string? Description { get; set; }

        [StringLength(4000, ErrorMessage = "The description is too long.")]
        [Display(Name = "Description (English)")]
        public string? DescriptionEn { get; set; }

        /// <summary>Text, so that "0,3" and "0.3" both work whatever the page's language.</summary>
        [Display(Name = "Weight")]
        public string? Weight { get; set; } = "1";

        [Range(0, 100, ErrorMessage = "Scores run from 0 to 100 at most.")]
        [Display(Name = "Lowest score")]
        public int ScaleMin { get; set; } = 1;

        [Range(0, 100, ErrorMessage = "Scores run from 0 to 100 at most.")]
        [Display(Name = "Highest score")]
        public int ScaleMax { get; set; } = 5;

        [Display(Name = "Optional (jurors may leave it empty)")]
        public bool IsOptional { get; set; }

        [Display(Name = "Remove this criterion")]
        public bool Remove { get; set; }

        public List<Label> Labels { get; set; } = [];
    }

    public sealed class Label
    {
        public int Value { get; set; }

        [StringLength(200, ErrorMessage = "The label is too long.")]
        [Display(Name = "Label (Latvian)")]
        public string? Text { get; set; }

        [StringLength(200, ErrorMessage = "The label is too long.")]
        [Display(Name = "Label (English)")]
        public string? TextEn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input = new InputModel
        {
            Version = cycle.Version,
            Criteria = cycle.Criteria.OrderBy(c => c.Order).Select(c => new Row
            {
                Id = c.Id, Name = c.Name, NameEn = c.NameEn, Description = c.Description, DescriptionEn = c.DescriptionEn,
                Weight = CycleEditing.FormatDecimal(c.Weight), ScaleMin = c.ScaleMin, ScaleMax = c.ScaleMax, IsOptional = c.IsOptional,
                Labels = c.Levels.OrderBy(v => v.Value).Select(v => new Label { Value = v.Value, Text = v.Label, TextEn = v.LabelEn }).ToList(),
            }).ToList(),
        };
        if (Input.Criteria.Count == 0)
            Input.Criteria.Add(new Row());
        FitLabelRows();
        return Page();
    }

    /// <summary>Adds an empty criterion, or redraws the label rows after the scale changed; nothing is saved.</summary>
    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken) =>
        await RedrawAsync(id, addRow: true, cancellationToken);

    public async Task<IActionResult> OnPostScaleAsync(int id, CancellationToken cancellationToken) =>
        await RedrawAsync(id, addRow: false, cancellationToken);

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        var rows = Input.Criteria
            .Where(r => !r.Remove && !(r.Id == 0 && string.IsNullOrWhiteSpace(r.Name) && string.IsNullOrWhiteSpace(r.NameEn)))
            .ToList();
        var data = new List<CriterionData>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 1)))
        {
            if (!CycleEditing.TryParseDecimal(row.Weight, out var weight) || weight is null)
                ModelState.AddModelError("", l["Criterion {0}: enter the weight as a number, e.g. 0,3.", index]);
            data.Add(new CriterionData(row.Id, row.Name ?? "", row.NameEn, row.Description, row.DescriptionEn,
                weight ?? 0, row.ScaleMin, row.ScaleMax, row.IsOptional,
                row.Labels.Select(v => new ScaleLabelData(v.Value, v.Text ?? "", v.TextEn)).ToList()));
        }
        if (!ModelState.IsValid)
            return RedrawPage();
        if (cycle.StatuteIsLocked)
        {
            ModelState.AddModelError("", CycleEditing.LockedMessage(l));
            return RedrawPage();
        }

        var before = StatuteEditor.Snapshot(cycle);
        StatuteChanges.SetCriteria(cycle, data);
        // A removed criterion may still be named by the tie-break chain: refuse rather than break the chain.
        if (!CycleEditing.AddProblems(ModelState, StatuteRules.Validate(cycle), l, StatuteSection.Criteria, StatuteSection.TieBreak))
            return RedrawPage();

        var outcome = await editor.SaveAsync(cycle, Input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
        if (CycleEditing.Refusal(outcome, l) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = await editor.CurrentVersionAsync(id, cancellationToken) ?? Input.Version;
            return RedrawPage();
        }
        TempData["Saved"] = l["The criteria are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Criteria");
    }

    private async Task<IActionResult> RedrawAsync(int id, bool addRow, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        if (addRow)
            Input.Criteria.Add(new Row());
        ModelState.Clear();
        return RedrawPage();
    }

    private PageResult RedrawPage()
    {
        FitLabelRows();
        // The label rows are redrawn from the scale: posted values must not override the new rows' names.
        foreach (var key in ModelState.Keys.Where(k => k.Contains(".Labels[", StringComparison.Ordinal)).ToList())
            ModelState.Remove(key);
        return Page();
    }

    /// <summary>One label row per score value of each criterion's scale, keeping what was typed.</summary>
    private void FitLabelRows()
    {
        foreach (var row in Input.Criteria)
        {
            if (row.ScaleMin >= row.ScaleMax || row.ScaleMax - row.ScaleMin > 100)
                continue;
            row.Labels = Enumerable.Range(row.ScaleMin, row.ScaleMax - row.ScaleMin + 1)
                .Select(value => row.Labels.FirstOrDefault(v => v.Value == value) ?? new Label { Value = value })
                .ToList();
        }
    }
}
