using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Web.Pages.Admin;

/// <summary>The administrator's overview: cycles and their phases, libraries waiting for approval, mail delivery.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public List<CycleRow> Cycles { get; private set; } = [];
    public int LibrariesApproved { get; private set; }
    public int LibrariesPending { get; private set; }
    public Dictionary<OutboxStatus, int> Mail { get; private set; } = [];
    public List<AuditRow> RecentAudit { get; private set; } = [];

    public sealed record CycleRow(int Id, string Title, string? TitleEn, int Year, CyclePhase Phase, int RoundNumber);
    public sealed record AuditRow(DateTimeOffset At, string ActorName, string Action, string EntityType, string EntityId);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Cycles = await db.Cycles.AsNoTracking()
            .OrderByDescending(c => c.Year)
            .Select(c => new CycleRow(c.Id, c.Title, c.TitleEn, c.Year, c.Phase, c.RoundNumber))
            .ToListAsync(cancellationToken);
        var libraries = await db.Libraries.GroupBy(l => l.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        LibrariesApproved = libraries.FirstOrDefault(l => l.Key == LibraryStatus.Approved)?.Count ?? 0;
        LibrariesPending = libraries.FirstOrDefault(l => l.Key == LibraryStatus.PendingApproval)?.Count ?? 0;
        Mail = await db.Outbox.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        RecentAudit = (await db.AuditEntries.AsNoTracking()
                .OrderByDescending(a => a.Id)
                .Take(20)
                .Select(a => new AuditRow(a.At, a.ActorName, a.Action, a.EntityType, a.EntityId))
                .ToListAsync(cancellationToken));
    }
}
