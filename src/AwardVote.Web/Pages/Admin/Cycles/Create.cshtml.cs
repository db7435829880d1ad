using System.ComponentModel.DataAnnotations;
using AwardVote.Infrastructure.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>A new cycle in Draft: empty, or with the whole statute of an earlier one.</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CreateModel(AppDbContext db, StatuteEditor editor, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public InputModel Input { get; set; } = new();

    public List<(int Id, string Label)> Sources { get; private set; } = [];

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the title in Latvian.")]
        [StringLength(300, ErrorMessage = "The title is too long.")]
        [Display(Name = "Title (Latvian)")]
        public string Title { get; set; } = "";

        [StringLength(300, ErrorMessage = "The title is too long.")]
        [Display(Name = "Title (English)")]
        public string? TitleEn { get; set; }

        [Range(2000, 2100, ErrorMessage = "Enter a year between 2000 and 2100.")]
        [Display(Name = "Year")]
        public int Year { get; set; }

        [StringLength(90, ErrorMessage = "The address is too long.")]
        [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "The address may contain lowercase letters a-z, digits and hyphens.")]
        [Display(Name = "Address of the public page")]
        public string? Slug { get; set; }

        [Display(Name = "Copy the statute from")]
        public int? CopyFromCycleId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Year = clock.GetUtcNow().Year + 1;
        await LoadSourcesAsync(cancellationToken);
        Input.CopyFromCycleId = Sources.Select(s => (int?)s.Id).FirstOrDefault();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var source = Input.CopyFromCycleId is { } sourceId
            ? await StatuteEditor.WithStatute(db.Cycles.AsNoTracking()).SingleOrDefaultAsync(c => c.Id == sourceId, cancellationToken)
            : null;
        if (Input.CopyFromCycleId is not null && source is null)
            ModelState.AddModelError(nameof(Input.CopyFromCycleId), l["Choose a cycle to copy from."]);
        if (!string.IsNullOrWhiteSpace(Input.Slug) && await db.Cycles.AnyAsync(c => c.Slug == Input.Slug, cancellationToken))
            ModelState.AddModelError(nameof(Input.Slug), l["Another cycle already has this address."]);
        if (!ModelState.IsValid)
        {
            await LoadSourcesAsync(cancellationToken);
            return Page();
        }

        var cycle = await editor.CreateAsync(Input.Title, Input.TitleEn, Input.Year, Input.Slug, source, cancellationToken);
        return Redirect($"/Admin/Cycles/{cycle.Id}");
    }

    private async Task LoadSourcesAsync(CancellationToken cancellationToken) =>
        Sources = (await db.Cycles.AsNoTracking()
                .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
                .Select(c => new { c.Id, c.Year, c.Title })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Id, $"{c.Year} — {c.Title}"))
            .ToList();
}
