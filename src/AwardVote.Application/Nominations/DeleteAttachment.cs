using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;

namespace AwardVote.Application.Nominations;

/// <summary>The nominee's representative removes one of the nomination's own files (not a signed letter) until the deadline.</summary>
public sealed class DeleteAttachment(AppDbContext db, LoadNomination load, AttachmentStore store, AuditLog audit, Outbox outbox,
    MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
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
        // A file removed after submission changes what the jury will read: a receipt, as for a resubmitted text.
        var submitted = nomination.Status == NominationStatus.Submitted;
        if (submitted)
            await ResubmissionReceipt.EnqueueAsync(db, outbox, links, cycle, nomination, [NominationPart.Files], clock.GetUtcNow(),
                $"file-removed:{attachment.Id}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StorageKey);
        if (submitted)
            mail.DeliverSoon();
        return attachment;
    }
}
