using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.PublicPages;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Cycles;

/// <summary>The public archive: every cycle that has left its draft, by year.</summary>
[OutputCache(PolicyName = PublicPageCachePolicy.Name)]
[AllowAnonymous]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<Row> Cycles { get; private set; } = [];

    public sealed record Row(int Year, string Title, string? TitleEn, string Slug, CyclePhase Phase);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Cycles = await db.Cycles.AsNoTracking()
            .Where(c => c.Phase != CyclePhase.Draft)
            .OrderByDescending(c => c.Year).ThenBy(c => c.Title)
            .Select(c => new Row(c.Year, c.Title, c.TitleEn, c.Slug, c.Phase))
            .ToListAsync(cancellationToken);
}
