using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>A photo or PDF for the nomination, with what the association needs to show a photo: consent and credit.</summary>
public sealed class UploadAttachmentInput
{
    [Display(Name = "File")]
    public IFormFile? File { get; set; }

    [StringLength(1000, ErrorMessage = "The caption can be at most {1} characters long.")]
    [Display(Name = "Caption")]
    public string? Caption { get; set; }

    [StringLength(300, ErrorMessage = "The author can be at most {1} characters long.")]
    [Display(Name = "Author (photo credit)")]
    public string? Credit { get; set; }

    [StringLength(200, ErrorMessage = "The licence can be at most {1} characters long.")]
    [Display(Name = "Licence")]
    public string? Licence { get; set; }

    [Display(Name = "The people shown in the photo agreed to its use (or no one can be recognised)")]
    public bool ConsentGiven { get; set; }

    [Display(Name = "The photo may be shown on the public announcement page")]
    public bool PublicAfterPublication { get; set; }
}

/// <summary>
/// The nominee's representative adds a photo or PDF to the nomination until the deadline. The file is judged by its
/// content (never its name), stored outside the web root under a new key, and recorded with its fingerprint.
/// </summary>
public sealed class UploadAttachment(AppDbContext db, LoadNomination load, AttachmentStore store, AuditLog audit, Outbox outbox,
    MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    /// <summary>The largest file allowed plus room for the form around it: the limit of a request that carries one.</summary>
    public const long RequestLimit = AttachmentRules.MaxPdfBytes + 1024 * 1024;

    public async Task<Outcome<Attachment>> RunAsync(int nominationId, string userId, UploadAttachmentInput input, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<Attachment>.Refused(invalid);
        if (input.File is not { } file)
            return Refusal.Invalid(nameof(input.File), RefusalCode.AttachmentFileMissing);
        if (nomination.Attachments.Count >= AttachmentRules.MaxAttachmentsPerNomination)
            return Refusal.Conflict(RefusalCode.AttachmentLimitReached, AttachmentRules.MaxAttachmentsPerNomination);

        var verdict = await Uploads.InspectAsync(file, cancellationToken);
        if (!verdict.Accepted)
            return Uploads.Explain(verdict, nameof(input.File));
        if (verdict.Kind == AttachmentKind.Photo && !input.ConsentGiven)
            return Refusal.Invalid(nameof(input.ConsentGiven), RefusalCode.PhotoConsentMissing);

        var (key, sha256) = await Uploads.StoreAsync(file, store, cancellationToken);
        var attachment = new Attachment
        {
            NominationId = nomination.Id,
            Kind = verdict.Kind,
            OriginalFileName = Uploads.Truncate(file.FileName, 255),
            SafeFileName = AttachmentRules.SafeFileName(file.FileName, verdict.Extension),
            ContentType = verdict.ContentType,
            SizeBytes = file.Length,
            StorageKey = key,
            Sha256 = sha256,
            Caption = input.Caption?.Trim(),
            Credit = input.Credit?.Trim(),
            Licence = input.Licence?.Trim(),
            ConsentGiven = input.ConsentGiven,
            PublicAfterPublication = verdict.Kind == AttachmentKind.Photo && input.PublicAfterPublication,
            UploadedAt = clock.GetUtcNow(),
            UploadedByUserId = userId,
        };
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // The nomination's row is written first: that locks it (on SQLite, the database) until the commit, so
            // uploads to one nomination count and insert one after the other and the limit holds however many come
            // at once. The count read before the file was inspected is only the early answer.
            await db.Nominations.Where(n => n.Id == nomination.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(n => n.Version, n => n.Version), cancellationToken);
            if (await db.Attachments.CountAsync(a => a.NominationId == nomination.Id, cancellationToken) >= AttachmentRules.MaxAttachmentsPerNomination)
            {
                store.Delete(key);
                return Refusal.Conflict(RefusalCode.AttachmentLimitReached, AttachmentRules.MaxAttachmentsPerNomination);
            }
            db.Attachments.Add(attachment);
            audit.Record("attachment.uploaded", "Nomination", nomination.Id,
                after: new { attachment.SafeFileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256 }, cycleId: nomination.CycleId);
            // A file added after submission changes what the jury will read: a receipt, as for a resubmitted text.
            if (nomination.Status == NominationStatus.Submitted)
                await ResubmissionReceipt.EnqueueAsync(db, outbox, links, cycle, nomination, [NominationPart.Files], attachment.UploadedAt,
                    $"file-added:{attachment.Sha256}", cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            // Nothing recorded: no file left behind that no row points to.
            store.Delete(key);
            throw;
        }
        if (nomination.Status == NominationStatus.Submitted)
            mail.DeliverSoon();
        return attachment;
    }
}
