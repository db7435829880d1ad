using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>How a change to a nomination the library writes is saved: against the version read, with its audit entry.</summary>
internal static class NominationChanges
{
    public static async Task<Outcome<Nomination>> CommitAsync(AppDbContext db, AuditLog audit, TimeProvider clock, Nomination nomination,
        Guid version, string action, object before, CancellationToken cancellationToken)
    {
        // The version the form was opened with: a change made meanwhile in another tab is not overwritten.
        db.Entry(nomination).Property(n => n.Version).OriginalValue = version;
        nomination.Version = Guid.NewGuid();
        nomination.UpdatedAt = clock.GetUtcNow();
        audit.Record(action, "Nomination", nomination.Id, before, Snapshot(nomination), cycleId: nomination.CycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return nomination;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.NominationChangedMeanwhile);
        }
    }

    public static object Snapshot(Nomination n) => new
    {
        n.Status,
        n.PublicSummary,
        n.Achievements,
        n.Projects,
        Partners = n.Partners.Select(p => p.Name).ToList(),
        Statistics = n.Statistics.Select(s => new { s.Kind, s.Label, s.Value, s.Unit, s.Year }).ToList(),
        Links = n.Links.Select(x => x.Url).ToList(),
    };
}
