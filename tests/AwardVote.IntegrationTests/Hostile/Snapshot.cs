using System.Text.Json;
using AwardVote.Infrastructure.Data;
using AwardVote.IntegrationTests.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AwardVote.IntegrationTests.Hostile;

/// <summary>
/// What is saved, row by row (key "Nomination:12" → the row with everything in it): the world's cycles with their
/// statute and schedule, every library, nomination, letter, file, conflict, ballot, result, publication, invitation,
/// role grant and account, and the newest audit entry and mail. <see cref="Changes"/> lists the rows that were there
/// before and differ or are gone after; rows made in between (a test's own preparations) do not count.
/// </summary>
public static class Snapshot
{
    public static async Task<Dictionary<string, string>> TakeAsync(AccessWorld world)
    {
        var cycleIds = world.Cycles.Values.Select(c => c.CycleId).ToList();
        await using var scope = world.App.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = new Dictionary<string, string>
        {
            ["Audit:newest"] = $"{await db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Id).FirstOrDefaultAsync()}",
            ["Mail:newest"] = $"{await db.Outbox.OrderByDescending(m => m.Id).Select(m => m.Id).FirstOrDefaultAsync()}",
        };
        void Add<T>(string kind, IEnumerable<T> items, Func<T, object> id)
        {
            foreach (var item in items)
                rows[$"{kind}:{id(item)}"] = JsonSerializer.Serialize(item);
        }
        Add("Account", await db.Users.AsNoTracking().Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture, u.HomeLibraryId, u.PasswordHash, u.EmailConfirmed })
            .ToListAsync(), u => u.Id);
        Add("Grant", await db.RoleGrants.AsNoTracking().ToListAsync(), g => g.Id);
        Add("Invitation", await db.Invitations.AsNoTracking().ToListAsync(), i => i.Id);
        Add("Library", await db.Libraries.AsNoTracking().ToListAsync(), l => l.Id);
        Add("Cycle", await db.Cycles.Where(c => cycleIds.Contains(c.Id))
            .Include(c => c.Categories).Include(c => c.Criteria).ThenInclude(c => c.Levels).Include(c => c.Rounds).Include(c => c.Schedule)
            .Include(c => c.EligibilityRules).Include(c => c.TieBreakChain).AsSplitQuery().AsNoTracking().ToListAsync(), c => c.Id);
        Add("Nomination", await db.Nominations.Include(n => n.Partners).Include(n => n.Statistics).Include(n => n.Links)
            .AsSplitQuery().AsNoTracking().ToListAsync(), n => n.Id);
        Add("Attachment", await db.Attachments.AsNoTracking().ToListAsync(), a => a.Id);
        Add("Endorsement", await db.Endorsements.AsNoTracking().ToListAsync(), e => e.Id);
        Add("Conflict", await db.Conflicts.AsNoTracking().ToListAsync(), c => c.Id);
        Add("ScoreBallot", await db.ScoreBallots.Include(b => b.Scores).AsNoTracking().ToListAsync(), b => b.Id);
        Add("RankedBallot", await db.RankedBallots.Include(b => b.Ranks).AsNoTracking().ToListAsync(), b => b.Id);
        Add("Result", await db.RoundResults.AsNoTracking().Select(r => new { r.Id, r.RoundId, r.CategoryId, r.BallotFileSha256 }).ToListAsync(), r => r.Id);
        Add("Publication", await db.Publications.AsNoTracking().ToListAsync(), p => p.Id);
        return rows;
    }

    public static List<string> Changes(Dictionary<string, string> before, Dictionary<string, string> after) =>
        before.Where(row => !after.TryGetValue(row.Key, out var now) || now != row.Value)
            .Select(row => after.TryGetValue(row.Key, out var now)
                ? $"{row.Key} changed:\n    before {row.Value}\n    after  {now}"
                : $"{row.Key} is gone: {row.Value}")
            .ToList();

    /// <summary>How many files the attachment store holds (an upload refused must leave none behind).</summary>
    public static int StoredFiles(AwardVoteApp app)
    {
        var root = app.Services.GetRequiredService<AppPaths>().Resolve("attachments");
        return Directory.Exists(root) ? Directory.GetFiles(root, "*", SearchOption.AllDirectories).Length : 0;
    }
}
