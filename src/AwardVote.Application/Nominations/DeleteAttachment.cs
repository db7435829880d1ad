using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;

namespace AwardVote.Application.Nominations;

/// <summary>The nominee's representative removes one of the nomination's own files (not a signed letter) until the deadline.</summary>
public sealed class DeleteAttachment(AppDbContext db, LoadNomination load, AttachmentStore store, AuditLog audit, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Attachment>> RunAsync(int nominationId, int attachmentId, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        // The attachment is looked up within this nomination: a tampered id of another nomination's file finds nothing.
        if (nomination.Attachments.SingleOrDefault(a => a.Id == attachmentId && a.EndorsementId == null) is not { } attachment)
            return Refusal.NotFound;

        db.Attachments.Remove(attachment);
        audit.Record("attachment.deleted", "Nomination", nomination.Id,
            before: new { attachment.SafeFileName, attachment.Sha256 }, cycleId: nomination.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StorageKey);
        return attachment;
    }
}
