using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>The categories of a statute: each has its own jury panel and its own nominations.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CategoriesModel(StatuteEditor editor, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        public Guid Version { get; set; }
        public List<Row> Categories { get; set; } = [];
    }

    public sealed class Row
    {
        public int Id { get; set; }

        [StringLength(200, ErrorMessage = "The name is too long.")]
        [Display(Name = "Name (Latvian)")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "The name is too long.")]
        [Display(Name = "Name (English)")]
        public string? NameEn { get; set; }

        [StringLength(4000, ErrorMessage = "The description is too long.")]
        [Display(Name = "Description (Latvian)")]
        public string? Description { get; set; }

        [StringLength(4000, ErrorMessage = "The description is too long.")]
        [Display(Name = "Description (English)")]
        public string? DescriptionEn { get; set; }

        [Display(Name = "Remove this category")]
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
            Categories = cycle.Categories.OrderBy(c => c.Order).Select(c => new Row
            {
                Id = c.Id, Name = c.Name, NameEn = c.NameEn, Description = c.Description, DescriptionEn = c.DescriptionEn,
            }).ToList(),
        };
        if (Input.Categories.Count == 0)
            Input.Categories.Add(new Row());
        return Page();
    }

    /// <summary>Adds an empty row without saving: the "add" button works without JavaScript.</summary>
    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input.Categories.Add(new Row());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        if (!ModelState.IsValid)
            return Page();
        if (cycle.StatuteIsLocked)
        {
            ModelState.AddModelError("", CycleEditing.LockedMessage(l));
            return Page();
        }

        var before = StatuteEditor.Snapshot(cycle);
        StatuteChanges.SetCategories(cycle, Input.Categories
            .Where(r => !r.Remove && !(r.Id == 0 && string.IsNullOrWhiteSpace(r.Name) && string.IsNullOrWhiteSpace(r.NameEn)))
            .Select(r => new CategoryData(r.Id, r.Name ?? "", r.NameEn, r.Description, r.DescriptionEn))
            .ToList());
        if (!CycleEditing.AddProblems(ModelState, StatuteRules.Validate(cycle), l, StatuteSection.Categories))
            return Page();

        var outcome = await editor.SaveAsync(cycle, Input.Version, StatuteEditor.StatuteChanged, before, [], false, cancellationToken);
        if (CycleEditing.Refusal(outcome, l) is { } refusal)
        {
            ModelState.AddModelError("", refusal);
            ModelState.Remove($"{nameof(Input)}.{nameof(InputModel.Version)}");
            Input.Version = (await editor.CurrentVersionAsync(id, cancellationToken)) ?? Input.Version;
            return Page();
        }
        TempData["Saved"] = l["The categories are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Categories");
    }
}
