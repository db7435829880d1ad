using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The nominee's representative withdraws a submitted nomination, until the deadline; writing it again makes it a
/// draft, and submitting it again makes it count.
/// </summary>
public sealed class WithdrawNomination(AppDbContext db, LoadNomination load, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int nominationId, Guid version, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        if (nomination.Status != NominationStatus.Submitted)
            return Refusal.Conflict(RefusalCode.OnlySubmittedCanBeWithdrawn);

        var before = NominationChanges.Snapshot(nomination);
        nomination.Status = NominationStatus.Withdrawn;
        nomination.WithdrawnAt = clock.GetUtcNow();
        return await NominationChanges.CommitAsync(db, audit, clock, nomination, version, "nomination.withdrawn", before, cancellationToken);
    }
}
