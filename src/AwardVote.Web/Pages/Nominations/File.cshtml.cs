using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace AwardVote.Web.Pages.Nominations;

/// <summary>
/// Streams one attachment to someone allowed to read its nomination; after publication, photos the library
/// released are public. Always with its safe name and its checked type, never sniffed by the browser.
/// </summary>
[AllowAnonymous]
public sealed class FileModel(AppDbContext db, AttachmentStore store, IAuthorizationService authorization) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
            return NotFound();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == attachment.NominationId, cancellationToken);

        // Phases are stored by name: compared here, not in SQL, where "ResultsReview" >= "Published" as text.
        var phase = await db.Cycles.Where(c => c.Id == nomination.CycleId).Select(c => c.Phase).SingleAsync(cancellationToken);
        var isPublic = attachment is { Kind: AttachmentKind.Photo, PublicAfterPublication: true } && phase >= CyclePhase.Published;
        if (!isPublic && !(await authorization.AuthorizeAsync(User, nomination, NominationOperations.View)).Succeeded)
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

        Response.Headers.CacheControl = isPublic ? "public, max-age=3600" : "private, no-store";
        var disposition = new ContentDispositionHeaderValue(attachment.Kind == AttachmentKind.Photo ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.SafeFileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(store.OpenRead(attachment.StorageKey), attachment.ContentType);
    }
}
