using AwardVote.Application.PeoplesChoice;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Domain.PeoplesChoice;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Files;
using AwardVote.Infrastructure.PeoplesChoice;
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
public sealed class FileModel(AppDbContext db, AttachmentStore store, IAuthorizationService authorization, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
            return NotFound();
        var nomination = await db.Nominations.AsNoTracking().SingleAsync(n => n.Id == attachment.NominationId, cancellationToken);

        var isPublic = attachment is { Kind: AttachmentKind.Photo, PublicAfterPublication: true, ConsentGiven: true, EndorsementId: null }
                       && await PhotoIsPublicAsync(nomination, cancellationToken);
        if (!isPublic && !(await authorization.AuthorizeAsync(User, nomination, NominationOperations.View)).Succeeded)
            return User.Identity?.IsAuthenticated == true ? Forbid() : Challenge();

        Response.Headers.CacheControl = isPublic ? "public, max-age=3600" : "private, no-store";
        var disposition = new ContentDispositionHeaderValue(attachment.Kind == AttachmentKind.Photo ? "inline" : "attachment");
        disposition.SetHttpFileName(attachment.SafeFileName);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(store.OpenRead(attachment.StorageKey), attachment.ContentType);
    }

    /// <summary>
    /// A released photo is public after publication, and from the opening of a people's-choice vote for a nominee
    /// on the vote page (submitted and eligible).
    /// </summary>
    private async Task<bool> PhotoIsPublicAsync(Nomination nomination, CancellationToken cancellationToken)
    {
        var cycle = await db.Cycles.AsNoTracking().Where(c => c.Id == nomination.CycleId)
            .Select(c => new { c.Phase, c.PeoplesChoice }).SingleAsync(cancellationToken);
        return cycle.Phase >= CyclePhase.Published
               || (PeoplesChoiceRules.State(cycle.PeoplesChoice, cycle.Phase, clock.GetUtcNow()) is VoteState.Open or VoteState.Closed
                   && VoteDesk.IsCandidate(nomination.Status, nomination.Eligibility, nomination.WithdrawnAt));
    }
}
