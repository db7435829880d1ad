using AwardVote.Application.Nominations;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Web.Localization;
using AwardVote.Web.Security;
using AwardVote.Web.UseCases;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>
/// Photos and PDFs of a nomination (<see cref="UploadAttachment"/>, <see cref="DeleteAttachment"/>, as the API does):
/// checked by content, stored outside the web root, served by File.
/// </summary>
[Authorize]
[RequestSizeLimit(UploadAttachment.RequestLimit)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadAttachment.RequestLimit)]
public sealed class AttachmentsModel(
    AppDbContext db,
    LoadNomination load,
    UploadAttachment upload,
    DeleteAttachment delete,
    TimeProvider clock,
    IAuthorizationService authorization,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty]
    public UploadAttachmentInput Input { get; set; } = new();

    public Nomination Nomination { get; private set; } = null!;
    public string? Locked { get; private set; }

    [TempData]
    public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostUploadAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        // A locked nomination says so, whatever the form holds.
        if (Locked is null && !ModelState.IsValid)
            return Page();
        var uploaded = await upload.RunAsync(id, User.UserId(), Input, cancellationToken);
        if (!uploaded.Succeeded)
            return this.Refused(uploaded) ?? Page();
        Message = l["{0} was added.", uploaded.Value!.SafeFileName];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, int attachmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } denied)
            return denied;
        var deleted = await delete.RunAsync(id, attachmentId, cancellationToken);
        if (!deleted.Succeeded)
            return this.Refused(deleted) ?? Page();
        Message = l["{0} was removed.", deleted.Value!.SafeFileName];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(id, cancellationToken) is not { } nomination)
            return NotFound();
        if (!(await authorization.AuthorizeAsync(User, nomination, NominationOperations.Edit)).Succeeded)
            return Forbid();
        Nomination = nomination;
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        Locked = NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked ? RefusalText.Describe(locked, l) : null;
        return null;
    }
}
