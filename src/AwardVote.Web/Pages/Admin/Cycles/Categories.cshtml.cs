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

/// <summary>The categories of a statute: each has its own jury panel and its own nominations (<see cref="SaveCategories"/>).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CategoriesModel(AppDbContext db, SaveCategories save, IStringLocalizer<SharedResource> l) : PageModel
{
    public AwardCycle Cycle { get; private set; } = null!;

    [BindProperty]
    public SaveCategoriesInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input = new SaveCategoriesInput
        {
            Version = cycle.Version,
            Categories = cycle.Categories.OrderBy(c => c.Order).Select(c => new CategoryInput
            {
                Id = c.Id, Name = c.Name, NameEn = c.NameEn, Description = c.Description, DescriptionEn = c.DescriptionEn,
            }).ToList(),
        };
        if (Input.Categories.Count == 0)
            Input.Categories.Add(new CategoryInput());
        return Page();
    }

    /// <summary>Adds an empty row without saving: the "add" button works without JavaScript.</summary>
    public async Task<IActionResult> OnPostAddAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        Input.Categories.Add(new CategoryInput());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, CancellationToken cancellationToken)
    {
        if (await CycleEditing.LoadAsync(db, id, cancellationToken) is not { } cycle)
            return NotFound();
        Cycle = cycle;
        if (!ModelState.IsValid)
            return Page();
        var outcome = await save.RunAsync(id, Input, cancellationToken);
        if (!outcome.Succeeded)
        {
            await CycleEditing.KeepVersionAsync(this, db, outcome, id, $"{nameof(Input)}.{nameof(Input.Version)}", v => Input.Version = v, cancellationToken);
            return this.Refused(outcome) ?? Page();
        }
        TempData["Saved"] = l["The categories are saved."].Value;
        return Redirect($"/Admin/Cycles/{id}/Categories");
    }
}
