using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin.Cycles;

[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Row> Cycles { get; private set; } = [];

    public sealed record Row(int Id, int Year, string Title, string? TitleEn, string Slug, CyclePhase Phase, bool Locked);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cycles = await db.Cycles.AsNoTracking()
            .OrderByDescending(c => c.Year).ThenByDescending(c => c.Id)
            .Select(c => new Row(c.Id, c.Year, c.Title, c.TitleEn, c.Slug, c.Phase, c.StatuteLockedAt != null))
            .ToListAsync(cancellationToken);
}
