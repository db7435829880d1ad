using AwardVote.Application.Libraries;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The receipt for a change to a submitted nomination — its text resubmitted (<see cref="ResubmitNomination"/>) or a
/// file added or removed (<see cref="UploadAttachment"/>, <see cref="DeleteAttachment"/>) — queued in the outbox for
/// every representative, in their language, in the caller's transaction: no change after submission goes unreceipted.
/// </summary>
internal static class ResubmissionReceipt
{
    /// <param name="change">Tells two receipts of the same moment apart in the outbox's duplicate key.</param>
    public static async Task EnqueueAsync(AppDbContext db, Outbox outbox, PublicLinks links, AwardCycle cycle, Nomination nomination,
        IReadOnlyList<NominationPart> changed, DateTimeOffset at, string change, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.AsNoTracking().SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken);
        var category = cycle.Categories.Single(c => c.Id == nomination.CategoryId);
        var url = links.To($"/Nominations/Edit?id={nomination.Id}");
        foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomination.LibraryId, cancellationToken))
        {
            outbox.Enqueue(new NominationResubmissionMail(
                    contact.Name,
                    library.Name,
                    MailTexts.Pick(cycle.Title, cycle.TitleEn, contact.Culture),
                    MailTexts.Pick(category.Name, category.NameEn, contact.Culture),
                    MailTexts.LocalTime(at, cycle.TimeZone, contact.Culture),
                    changed,
                    nomination.PublicSummary,
                    url),
                contact.Email, contact.Name, contact.Culture,
                // Each change gets its own receipt; the same change never two.
                $"{nomination.Id}:{change}:{at.UtcTicks}:{contact.UserId}");
        }
    }
}
