using AwardVote.Domain.Libraries;
using AwardVote.Application.Libraries;
using AwardVote.Domain.Cycles;
using AwardVote.Domain.Nominations;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Nominations;

/// <summary>
/// The nominee's representative submits the nomination as saved, until the deadline; every representative of the
/// library gets a receipt in their language, committed with the change and its audit entry.
/// </summary>
public sealed class SubmitNomination(AppDbContext db, LoadNomination load, AuditLog audit, Outbox outbox, MailSoon mail,
    PublicLinks links, TimeProvider clock) : IUseCase
{
    public async Task<Outcome<Nomination>> RunAsync(int nominationId, Guid version, CancellationToken cancellationToken)
    {
        if (await load.RunAsync(nominationId, cancellationToken) is not { } nomination)
            return Refusal.NotFound;
        var cycle = await NominationLock.CycleAsync(db, nomination.CycleId, cancellationToken);
        if (NominationLock.WhyLocked(cycle, nomination, clock.GetUtcNow()) is { } locked)
            return locked;
        if (await LibraryStanding.WhyNotSubmitAsync(db, nomination.LibraryId, cancellationToken) is { } notYet)
            return notYet;
        if (string.IsNullOrWhiteSpace(nomination.PublicSummary) || string.IsNullOrWhiteSpace(nomination.Achievements))
            return Refusal.Conflict(RefusalCode.NominationTextMissing);

        var before = NominationChanges.Snapshot(nomination);
        var now = clock.GetUtcNow();
        nomination.Status = NominationStatus.Submitted;
        nomination.SubmittedAt = now;
        nomination.WithdrawnAt = null;
        await QueueReceiptsAsync(nomination, cycle, now, cancellationToken);
        var outcome = await NominationChanges.CommitAsync(db, audit, clock, nomination, version, "nomination.submitted", before, cancellationToken);
        if (outcome.Succeeded)
            mail.DeliverSoon();
        return outcome;
    }

    private async Task QueueReceiptsAsync(Nomination nomination, AwardCycle cycle, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var library = await db.Libraries.SingleAsync(x => x.Id == nomination.LibraryId, cancellationToken);
        var category = cycle.Categories.Single(c => c.Id == nomination.CategoryId);
        var url = links.To($"/Nominations/Edit?id={nomination.Id}");
        foreach (var contact in await LibraryContacts.RepresentativesAsync(db, nomination.LibraryId, cancellationToken))
        {
            outbox.Enqueue(new NominationReceiptMail(
                    contact.Name,
                    LibraryName.Of(library),
                    MailTexts.Pick(cycle.Title, cycle.TitleEn, contact.Culture),
                    MailTexts.Pick(category.Name, category.NameEn, contact.Culture),
                    MailTexts.LocalTime(now, cycle.TimeZone, contact.Culture),
                    nomination.PublicSummary,
                    nomination.Partners.Count,
                    nomination.Statistics.Count,
                    nomination.Attachments.Count,
                    nomination.Endorsements.Count(e => e.Status == EndorsementStatus.Received),
                    url),
                contact.Email, contact.Name, contact.Culture,
                // Each submission gets its own receipt; the same submission never two.
                $"{nomination.Id}:{now.UtcTicks}:{contact.UserId}");
        }
    }
}
