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

/// <summary>The scoring criteria: weight, scale and a label for every score value (<see cref="SaveCriteria"/>).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CriteriaModel(AppDbContext db, SaveCriteria save, IStringLocalizer<SharedResource> l) : PageModel
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
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
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
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        // The form writes weights as people do in its language ("0,3"); the use case takes numbers.
        var rows = Input.Criteria
            .Where(r => !r.Remove && !(r.Id == 0 && string.IsNullOrWhiteSpace(r.Name) && string.IsNullOrWhiteSpace(r.NameEn)))
            .ToList();
        var criteria = new List<CriterionInput>();
        foreach (var (row, index) in rows.Select((r, i) => (r, i + 1)))
        {
            if (!CycleEditing.TryParseDecimal(row.Weight, out var weight) || weight is null)
                ModelState.AddModelError("", RefusalText.Describe(Refusal.Invalid("", RefusalCode.WeightNotNumber, index), l));
            criteria.Add(new CriterionInput
            {
                Id = row.Id, Name = row.Name, NameEn = row.NameEn, Description = row.Description, DescriptionEn = row.DescriptionEn,
                Weight = weight ?? 0, ScaleMin = row.ScaleMin, ScaleMax = row.ScaleMax, IsOptional = row.IsOptional,
                Labels = row.Labels.Select(v => new ScaleLabelInput { Value = v.Value, Label = v.Text, LabelEn = v.TextEn }).ToList(),
            });
        }
        if (!ModelState.IsValid)
            return RedrawPage();

        var outcome = await save.RunAsync(id, new SaveCriteriaInput { Version = Input.Version, Criteria = criteria }, cancellationToken);
        if (!outcome.Succeeded)
        {
            await CycleEditing.KeepVersionAsync(this, db, outcome, id, $"{nameof(Input)}.{nameof(InputModel.Version)}", v => Input.Version = v, cancellationToken);
            return this.Refused(outcome) ?? RedrawPage();
        }
        TempData["Saved"] = l["The criteria are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Criteria");
    }

    private async Task<IActionResult> RedrawAsync(int id, bool addRow, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
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
