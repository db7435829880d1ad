using AwardVote.Application.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Cycles;

/// <summary>A new cycle in Draft, empty or with the whole statute of an earlier one (<see cref="CreateCycle"/>, as POST /api/admin/cycles).</summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class CreateModel(AppDbContext db, CreateCycle create, TimeProvider clock) : PageModel
{
    [BindProperty]
    public CreateCycleInput Input { get; set; } = new();

    public List<(int Id, string Label)> Sources { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.Year = clock.GetUtcNow().Year + 1;
        await LoadSourcesAsync(cancellationToken);
        Input.CopyFromCycleId = Sources.Select(s => (int?)s.Id).FirstOrDefault();
        Input.ShiftDates = true;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var outcome = await create.RunAsync(Input, cancellationToken);
            if (outcome.Succeeded)
                return Redirect($"/Admin/Cycles/{outcome.Value!.Id}");
            if (this.Refused(outcome) is { } answer)
                return answer;
        }
        await LoadSourcesAsync(cancellationToken);
        return Page();
    }

    private async Task LoadSourcesAsync(CancellationToken cancellationToken) =>
        Sources = (await db.Cycles.AsNoTracking()
                .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
                .Select(c => new { c.Id, c.Year, c.Title })
                .ToListAsync(cancellationToken))
            .Select(c => (c.Id, $"{c.Year} — {c.Title}"))
            .ToList();
}
