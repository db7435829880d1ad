using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Application.Libraries;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>The endorser's letter, with a signed PDF if they have one.</summary>
public sealed class WriteEndorsementInput
{
    [Required(ErrorMessage = "Write the letter.")]
    [StringLength(20_000, ErrorMessage = "The letter can be at most {1} characters long.")]
    [Display(Name = "Your letter of support")]
    public string Letter { get; set; } = "";

    [Display(Name = "Signed letter as PDF (optional)")]
    public IFormFile? Pdf { get; set; }

    [Display(Name = "Tell me the results of the award")]
    public bool WantsResults { get; set; }
}

/// <summary>
/// The endorser writes the letter through the one-time link, without an account. The link is spent with the letter:
/// a second use, an old link or a made-up token changes nothing. The library's representatives are told the letter
/// arrived, in the same transaction (so once per letter: the link is spent once).
/// </summary>
public sealed class WriteEndorsement(AppDbContext db, OpenEndorsementLink open, AttachmentStore store, AuditLog audit, Outbox outbox,
    MailSoon mail, PublicLinks links, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<EndorsementLink>> RunAsync(string? token, WriteEndorsementInput input, CancellationToken cancellationToken)
    {
        var link = await open.RunAsync(token, cancellationToken);
        if (!link.Succeeded)
            return link;
        var endorsement = link.Value!;
        if (InputRules.Check(input) is { Count: > 0 } invalid)
            return Outcome<EndorsementLink>.Refused(invalid);

        string? pdfKey = null;
        Attachment? pdf = null;
        if (input.Pdf is { Length: > 0 } file)
        {
            var verdict = await Uploads.InspectAsync(file, cancellationToken);
            if (!verdict.Accepted || verdict.Kind != AttachmentKind.Pdf)
                return Refusal.Invalid(nameof(input.Pdf), RefusalCode.SignedLetterNotPdf);
            (pdfKey, var sha256) = await Uploads.StoreAsync(file, store, cancellationToken);
            pdf = new Attachment
            {
                NominationId = endorsement.NominationId,
                EndorsementId = endorsement.EndorsementId,
                Kind = AttachmentKind.Pdf,
                OriginalFileName = Uploads.Truncate(file.FileName, 255),
                SafeFileName = AttachmentRules.SafeFileName(file.FileName, verdict.Extension),
                ContentType = verdict.ContentType,
                SizeBytes = file.Length,
                StorageKey = pdfKey,
                Sha256 = sha256,
                UploadedAt = clock.GetUtcNow(),
            };
        }

        var now = clock.GetUtcNow();
        var letter = input.Letter.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Spend the link first and only if it is still unspent: two quick clicks store one letter.
        var spent = await db.Endorsements
            .Where(e => e.Id == endorsement.EndorsementId && e.Status == EndorsementStatus.Requested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EndorsementStatus.Received)
                .SetProperty(e => e.Letter, letter)
                .SetProperty(e => e.ReceivedAt, now)
                .SetProperty(e => e.WantsResults, input.WantsResults), cancellationToken);
        if (spent == 0)
        {
            if (pdfKey is not null)
                store.Delete(pdfKey);
            return Refusal.Conflict(RefusalCode.EndorsementLinkUsed);
        }
        if (pdf is not null)
            db.Attachments.Add(pdf);
        audit.Record("endorsement.received", "Nomination", endorsement.NominationId,
            after: new { endorsement.EndorserName, Letter = letter, Pdf = pdf?.Sha256 }, reason: $"Letter from {endorsement.EndorserName}");
        await QueueArrivalMailsAsync(endorsement, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.DeliverSoon();
        return endorsement;
    }

    private async Task QueueArrivalMailsAsync(EndorsementLink endorsement, CancellationToken cancellationToken)
    {
        var nomination = await db.Nominations.AsNoTracking().Where(n => n.Id == endorsement.NominationId)
            .Select(n => new { n.LibraryId, n.CycleId }).SingleAsync(cancellationToken);
        var library = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        var cycle = await db.Cycles.Where(c => c.Id == nomination.CycleId).Select(c => new { c.Title, c.TitleEn }).SingleAsync(cancellationToken);
        var url = links.To($"/Nominations/Endorsements?id={endorsement.NominationId}");
        foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomination.LibraryId, cancellationToken))
        {
            outbox.Enqueue(new EndorsementReceivedMail(contact.Name, library, endorsement.EndorserName,
                    MailTexts.Pick(cycle.Title, cycle.TitleEn, contact.Culture), url),
                contact.Email, contact.Name, contact.Culture, $"{endorsement.EndorsementId}:{contact.UserId}");
        }
    }
}
