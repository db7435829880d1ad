using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Localization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin;

/// <summary>The administrator's overview: cycles and their phases, libraries waiting for approval, mail delivery.</summary>
public sealed class IndexModel(AppDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public List<CycleRow> Cycles { get; private set; } = [];
    public int LibrariesApproved { get; private set; }
    public int LibrariesPending { get; private set; }
    public Dictionary<OutboxStatus, int> Mail { get; private set; } = [];
    public List<AuditRow> RecentAudit { get; private set; } = [];

    public sealed record CycleRow(int Id, string Title, string? TitleEn, int Year, CyclePhase Phase, int RoundNumber);
    /// <summary>An audit entry in words: who (by name, not id), what, and which record.</summary>
    public sealed record AuditRow(DateTimeOffset At, string Who, string What, string Record);

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
        var entries = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id)
            .Take(20)
            .Select(a => new { a.At, a.ActorUserId, a.ActorName, a.Action, a.EntityType, a.EntityId })
            .ToListAsync(cancellationToken);
        // People and libraries by name: an id means nothing to the reader, and a deleted account is said to be one.
        var userIds = entries.Select(e => e.ActorUserId).OfType<string>()
            .Concat(entries.Where(e => e.EntityType == "User").Select(e => e.EntityId)).Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : $"{u.DisplayName} ({u.Email})", cancellationToken);
        var libraryIdsShown = entries.Where(e => e.EntityType == "Library").Select(e => int.TryParse(e.EntityId, out var id) ? id : 0).Distinct().ToList();
        var libraryNames = await db.Libraries.Where(x => libraryIdsShown.Contains(x.Id)).ToDictionaryAsync(x => x.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), x => x.Name, cancellationToken);
        string Person(string id) => people.GetValueOrDefault(id) ?? l["a deleted account"];
        RecentAudit = entries.Select(e => new AuditRow(
                e.At,
                e.ActorUserId is { } actor ? Person(actor) : l["the system"],
                AuditWords.Action(e.Action, l) ?? l["A change with no name yet"],
                e.EntityType switch
                {
                    "User" => Person(e.EntityId),
                    "Library" when libraryNames.TryGetValue(e.EntityId, out var library) => library,
                    _ => $"{AuditWords.RecordType(e.EntityType, l) ?? l["Record"]} {l["no. {0}", e.EntityId]}",
                }))
            .ToList();
    }
}
