using AwardVote.Domain.Cycles;
using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Privacy;
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
        // People, libraries and nominations by name: an id means nothing to the reader (a ballot's is "round:nomination:
        // juror"), and an account that is gone is said to be one.
        var keys = entries.Select(e => (e.EntityType, Parts: e.EntityId.Split(':'))).ToList();
        var userIds = entries.Select(e => e.ActorUserId).OfType<string>()
            .Concat(keys.Where(k => k.EntityType == "User").Select(k => k.Parts[0]))
            .Concat(keys.Where(k => k.EntityType is "ScoreBallot" or "RankedBallot" && k.Parts.Length == 3).Select(k => k.Parts[2]))
            .Distinct().ToList();
        var people = await db.Users.Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? "" : $"{u.DisplayName} ({u.Email})", cancellationToken);
        var libraryIds = Numbers(keys.Where(k => k.EntityType == "Library").Select(k => k.Parts[0]));
        var libraryNames = await db.Libraries.Where(x => libraryIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);
        var nominationIds = Numbers(keys.Where(k => k.EntityType == "Nomination").Select(k => k.Parts[0])
            .Concat(keys.Where(k => k.EntityType == "ScoreBallot" && k.Parts.Length == 3).Select(k => k.Parts[1])));
        var nominees = await db.Nominations.Where(n => nominationIds.Contains(n.Id))
            .Join(db.Libraries, n => n.LibraryId, x => x.Id, (n, x) => new { n.Id, x.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name, cancellationToken);

        // An erased person stands in the log as their pseudonym (AuditPseudonymiser): said as such, one person throughout.
        // An account id of nobody (a deleted account) is not a name: PersonWords says so instead of showing it.
        string Person(string id) => people.GetValueOrDefault(id) ?? PersonWords.Name(Pseudonyms.IsPerson(id) ? id : null, l);
        string? Nominee(string id) => int.TryParse(id, out var n) ? nominees.GetValueOrDefault(n) : null;
        string RecordText(string type, string[] parts)
        {
            var kind = AuditWords.RecordType(type, l) ?? l["Record"];
            // Names stand after a colon, where the nominative fits the sentence.
            var detail = type switch
            {
                "User" => Person(parts[0]),
                "Library" when int.TryParse(parts[0], out var id) => libraryNames.GetValueOrDefault(id),
                "Nomination" => Nominee(parts[0]),
                "ScoreBallot" when parts.Length == 3 => $"{Nominee(parts[1])}, {Person(parts[2])}".Trim(',', ' '),
                "RankedBallot" when parts.Length == 3 => Person(parts[2]),
                _ => null,
            };
            if (detail is not null)
                return type == "User" ? detail : $"{kind}: {detail}";
            // A plain number still identifies the record; a composite key or an account's id means nothing to the reader.
            return parts is [var only] && int.TryParse(only, out _) ? $"{kind} {l["no. {0}", only]}" : kind;
        }

        RecentAudit = entries.Zip(keys, (e, k) => new AuditRow(
                e.At,
                e.ActorUserId is { } actor ? Person(actor) : l["the system"],
                AuditWords.Action(e.Action, l) ?? l["A change with no name yet"],
                RecordText(k.EntityType, k.Parts)))
            .ToList();
    }

    private static List<int> Numbers(IEnumerable<string> ids) =>
        ids.Select(id => int.TryParse(id, out var n) ? n : 0).Where(n => n > 0).Distinct().ToList();
}
