using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Web.Nominations;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>Photos and PDFs of a nomination: checked by content, stored outside the web root, served by File.</summary>
[Authorize]
[RequestSizeLimit(UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimit)]
public sealed class AttachmentsModel(
    AppDbContext db,
    NominationEditor editor,
    AttachmentStore store,
    AuditLog audit,
    TimeProvider clock,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>The largest file allowed plus room for the form around it.</summary>
    public const long UploadLimit = AttachmentRules.MaxPdfBytes + 1024 * 1024;

    [BindProperty]
    public UploadInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public string? Locked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public sealed class UploadInput
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

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (Locked is not null)
            return Refuse(Locked);
        if (!ModelState.IsValid)
            return Page();
        if (Input.File is not { } file)
            return Refuse(l["Choose a file to upload."]);
        if (Nomination.Attachments.Count >= AttachmentRules.MaxAttachmentsPerNomination)
            return Refuse(l["A nomination can have at most {0} files.", AttachmentRules.MaxAttachmentsPerNomination]);

        var verdict = await Uploads.InspectAsync(file, cancellationToken);
        if (!verdict.Accepted)
            return Refuse(Explain(verdict));
        if (verdict.Kind == AttachmentKind.Photo && !Input.ConsentGiven)
            return Refuse(l["Confirm that the people shown in the photo agreed to its use."]);

        var (key, sha256) = await Uploads.StoreAsync(file, store, cancellationToken);

        var attachment = new Attachment
        {
            NominationId = Nomination.Id,
            Kind = verdict.Kind,
            OriginalFileName = Truncate(file.FileName, 255),
            SafeFileName = AttachmentRules.SafeFileName(file.FileName, verdict.Extension),
            ContentType = verdict.ContentType,
            SizeBytes = file.Length,
            StorageKey = key,
            Sha256 = sha256,
            Caption = Input.Caption?.Trim(),
            Credit = Input.Credit?.Trim(),
            Licence = Input.Licence?.Trim(),
            ConsentGiven = Input.ConsentGiven,
            PublicAfterPublication = verdict.Kind == AttachmentKind.Photo && Input.PublicAfterPublication,
            UploadedAt = clock.GetUtcNow(),
            UploadedByUserId = User.UserId(),
        };
        db.Attachments.Add(attachment);
        audit.Record("attachment.uploaded", "Nomination", Nomination.Id,
            after: new { attachment.SafeFileName, attachment.ContentType, attachment.SizeBytes, attachment.Sha256 }, cycleId: Nomination.CycleId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(key);
            throw;
        }
        Message = l["{0} was added.", attachment.SafeFileName];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        if (Locked is not null)
            return Refuse(Locked);
        // The attachment is looked up within this nomination: a tampered id of another nomination's file finds nothing.
        var attachment = Nomination.Attachments.SingleOrDefault(a => a.Id == attachmentId && a.EndorsementId == null);
        if (attachment is null)
            return NotFound();
        db.Attachments.Remove(attachment);
        audit.Record("attachment.deleted", "Nomination", Nomination.Id,
            before: new { attachment.SafeFileName, attachment.Sha256 }, cycleId: Nomination.CycleId);
        await db.SaveChangesAsync(cancellationToken);
        store.Delete(attachment.StorageKey);
        Message = l["{0} was removed.", attachment.SafeFileName];
        return RedirectToPage(new { id });
    }

    private string Explain(FileVerdict verdict) => verdict.Problem switch
    {
        FileProblem.Empty => l["The file is empty."],
        FileProblem.UnsupportedType => l["Only photos (JPEG, PNG, WebP) and PDF documents can be added. The file's content is neither, whatever its name says."],
        FileProblem.TooLarge => l["The file is too large: at most {0} MB.", verdict.Limit / (1024 * 1024)],
        FileProblem.TooManyPixels => l["The image is too large: at most {0} million pixels.", verdict.Limit / 1_000_000],
        _ => l["The file is damaged or not what it claims to be."],
    };

    private IActionResult Refuse(string message)
    {
        ModelState.AddModelError("", message);
        return Page();
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await editor.LoadAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        Nomination = nomination;
        Locked = editor.WhyLocked(await editor.CycleAsync(nomination.CycleId, cancellationToken), nomination);
        return null;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
