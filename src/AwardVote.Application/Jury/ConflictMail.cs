using AwardVote.Domain.Judging;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>
/// Tells the juror a conflict about them was recorded or reopened by someone else, queued in the same save as the
/// change: a juror never learns from an empty ballot form that the chair moved them off a nomination.
/// </summary>
internal static class ConflictMail
{
    public static async Task QueueAsync(AppDbContext db, Outbox outbox, PublicLinks links, ConflictOfInterest conflict, bool reopened,
        string reason, string deduplicationKey, CancellationToken cancellationToken)
    {
        var juror = await db.Users.Where(u => u.Id == conflict.JurorUserId)
            .Select(u => new { u.DisplayName, u.Email, u.PreferredCulture }).SingleAsync(cancellationToken);
        if (string.IsNullOrEmpty(juror.Email))
            return;
        var cycle = await db.Cycles.Where(c => c.Id == conflict.CycleId).Select(c => new { c.Title, c.TitleEn }).SingleAsync(cancellationToken);
        var library = await db.Nominations.Where(n => n.Id == conflict.NominationId)
            .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => l.Name).SingleAsync(cancellationToken);
        outbox.Enqueue(new ConflictRecordedMail(juror.DisplayName, MailTexts.Pick(cycle.Title, cycle.TitleEn, juror.PreferredCulture), library, reopened,
                reason, links.To($"/Jury/Nomination?id={conflict.NominationId}")),
            juror.Email, juror.DisplayName, juror.PreferredCulture, deduplicationKey);
    }
}
