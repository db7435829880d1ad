using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>The nominee's answer, confirm or decline: one rule for when it may be given, with its audit entry.</summary>
internal static class NomineeAnswer
{
    public static async Task<Outcome<Nomination>> SaveAsync(AppDbContext db, AuditLog audit, TimeProvider clock, int nominationId, bool accept,
        CancellationToken cancellationToken)
    {
        if (await db.Nominations.SingleOrDefaultAsync(n => n.Id == nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        if (nomination.Status != NominationStatus.AwaitingNomineeConfirmation)
            return Refusal.Conflict(RefusalCode.NominationNotAwaitingConfirmation);
        // After the deadline the nomination is frozen as it stands: neither confirmed into a draft nor declined.
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyClosed(cycle, nomination, clock.GetUtcNow()) is { } closed)
            return closed;

        var before = new { nomination.Status, nomination.NominatedByLibraryId };
        var now = clock.GetUtcNow();
        nomination.Status = accept ? NominationStatus.Draft : NominationStatus.Withdrawn;
        nomination.NomineeConfirmedAt = accept ? now : null;
        nomination.WithdrawnAt = accept ? null : now;
        if (!accept)
        {
            // A decline ends the nominating library's part at once: it no longer reads the nomination, its files or
            // its letters, and the slot (one per library, cycle and category) is the nominee's own to write in or
            // leave. Who nominated stays in this audit entry.
            nomination.NominatedByLibraryId = null;
        }
        nomination.Version = Guid.NewGuid();
        nomination.UpdatedAt = now;
        audit.Record(accept ? "nomination.confirmed-by-nominee" : "nomination.declined-by-nominee", "Nomination", nomination.Id,
            before, new { nomination.Status, nomination.NominatedByLibraryId }, cycleId: nomination.CycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Answered meanwhile in another tab (the version read is the concurrency token).
            db.ChangeTracker.Clear();
            return Refusal.Conflict(RefusalCode.NominationNotAwaitingConfirmation);
        }
        return nomination;
    }
}
