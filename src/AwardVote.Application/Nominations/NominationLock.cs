using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>
/// Why a nomination cannot change now: the one rule the nomination's use cases and the pages that show "locked"
/// share. Who may change it is the nomination's authorization handler's rule, not this.
/// </summary>
public static class NominationLock
{
    /// <summary>The cycle with what the rule reads: its schedule (the deadline) and its categories.</summary>
    public static Task<AwardCycle> CycleAsync(AppDbContext db, int cycleId, CancellationToken cancellationToken) =>
        db.Cycles.Include(c => c.Schedule).Include(c => c.Categories).SingleAsync(c => c.Id == cycleId, cancellationToken);

    /// <summary>Why the nomination cannot be written now; null when it can.</summary>
    public static Refusal? WhyLocked(AwardCycle cycle, Nomination nomination, DateTimeOffset now) =>
        WhyClosed(cycle, nomination, now)
        ?? (nomination.Status == NominationStatus.AwaitingNomineeConfirmation
            ? Refusal.Conflict(RefusalCode.NominationAwaitsNomineeConfirmation)
            : null);

    /// <summary>
    /// Why nothing of the nomination may change any more (frozen, not open yet, past the deadline), whoever asks; null
    /// while nominations are open. Confirming or declining a nomination made by another library is bound by this too.
    /// </summary>
    public static Refusal? WhyClosed(AwardCycle cycle, Nomination nomination, DateTimeOffset now)
    {
        if (nomination.IsFrozen)
            return Refusal.Conflict(RefusalCode.NominationFrozen);
        if (cycle.Phase < CyclePhase.NominationsOpen)
            return Refusal.Conflict(RefusalCode.NominationsNotOpenYet);
        if (!PhasePlan.AcceptsNominations(cycle, now))
        {
            var closed = PhasePlan.NextStep(cycle)?.StartsAt;
            return closed is null
                ? Refusal.Conflict(RefusalCode.NominationsClosed)
                : Refusal.Conflict(RefusalCode.NominationDeadlinePassed, new ZonedTime(closed.Value, cycle.TimeZone));
        }
        return null;
    }
}
