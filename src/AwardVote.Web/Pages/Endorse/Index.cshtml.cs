using System.ComponentModel.DataAnnotations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.Security;
using AwardVote.Web.Nominations;
using AwardVote.Web.Pages.Nominations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Endorse;

/// <summary>
/// Where an endorser writes a letter of support without an account. The link works once and until it expires;
/// a second use, an old link or a made-up token changes nothing.
/// </summary>
[AllowAnonymous]
[RequestSizeLimit(AttachmentsModel.UploadLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = AttachmentsModel.UploadLimit)]
public sealed class IndexModel(
    AppDbContext db,
    NominationEditor editor,
    AttachmentStore store,
    AuditLog audit,
    TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public LetterInput Input { get; set; } = new();

    public string? Refusal { get; private set; }
    public string LibraryName { get; private set; } = "";
    public string? EndorserName { get; private set; }
    public bool Done { get; private set; }

    public sealed class LetterInput
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

    public async Task OnGetAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var endorsement = await FindAsync(cancellationToken);
        if (endorsement is null)
            return Page();
        if (!ModelState.IsValid)
            return Page();

        string? pdfKey = null;
        Attachment? pdf = null;
        if (Input.Pdf is { Length: > 0 } file)
        {
            var verdict = await Uploads.InspectAsync(file, cancellationToken);
            if (!verdict.Accepted || verdict.Kind != AttachmentKind.Pdf)
            {
                ModelState.AddModelError("", l["The signed letter must be a PDF document of at most 20 MB."]);
                return Page();
            }
            (pdfKey, var sha256) = await Uploads.StoreAsync(file, store, cancellationToken);
            pdf = new Attachment
            {
                NominationId = endorsement.NominationId,
                EndorsementId = endorsement.Id,
                Kind = AttachmentKind.Pdf,
                OriginalFileName = file.FileName.Length > 255 ? file.FileName[..255] : file.FileName,
                SafeFileName = AttachmentRules.SafeFileName(file.FileName, verdict.Extension),
                ContentType = verdict.ContentType,
                SizeBytes = file.Length,
                StorageKey = pdfKey,
                Sha256 = sha256,
                UploadedAt = clock.GetUtcNow(),
            };
        }

        var now = clock.GetUtcNow();
        var letter = Input.Letter.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Spend the link first and only if it is still unspent: two quick clicks store one letter.
        var spent = await db.Endorsements
            .Where(e => e.Id == endorsement.Id && e.Status == EndorsementStatus.Requested)
            .ExecuteUpdateAsync(s => s
                .SetProperty(e => e.Status, EndorsementStatus.Received)
                .SetProperty(e => e.Letter, letter)
                .SetProperty(e => e.ReceivedAt, now)
                .SetProperty(e => e.WantsResults, Input.WantsResults), cancellationToken);
        if (spent == 0)
        {
            if (pdfKey is not null)
                store.Delete(pdfKey);
            Refusal = l["This link was already used: the letter has been received."];
            return Page();
        }
        if (pdf is not null)
            db.Attachments.Add(pdf);
        audit.Record("endorsement.received", "Nomination", endorsement.NominationId,
            after: new { endorsement.EndorserName, Letter = letter, Pdf = pdf?.Sha256 }, reason: $"Letter from {endorsement.EndorserName}");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Done = true;
        return Page();
    }

    private async Task<Endorsement?> FindAsync(CancellationToken cancellationToken)
    {
        var invalid = l["This link is not valid. Check that you copied the whole address from the e-mail."];
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 200)
        {
            Refusal = invalid;
            return null;
        }
        var hash = OneTimeToken.Hash(Token);
        var endorsement = await db.Endorsements.SingleOrDefaultAsync(e => e.TokenHash == hash, cancellationToken);
        if (endorsement is null)
        {
            Refusal = invalid;
            return null;
        }
        var nomination = await db.Nominations.SingleAsync(n => n.Id == endorsement.NominationId, cancellationToken);
        LibraryName = await db.Libraries.Where(x => x.Id == nomination.LibraryId).Select(x => x.Name).SingleAsync(cancellationToken);
        EndorserName = endorsement.EndorserName;
        if (endorsement.Status == EndorsementStatus.Received)
            Refusal = l["This link was already used: the letter has been received."];
        else if (endorsement.Status == EndorsementStatus.Revoked)
            Refusal = invalid;
        else if (endorsement.TokenExpiresAt <= clock.GetUtcNow())
            Refusal = l["This link has expired. Ask the library for a new one."];
        else if (editor.WhyLocked(await editor.CycleAsync(nomination.CycleId, cancellationToken), nomination) is not null
                 && nomination.Status != NominationStatus.AwaitingNomineeConfirmation)
            Refusal = l["Nominations are closed: letters of support can no longer be added."];
        return Refusal is null ? endorsement : null;
    }
}
