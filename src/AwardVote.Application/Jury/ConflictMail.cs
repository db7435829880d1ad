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
        if (await ReaderAsync(db, conflict, cancellationToken) is not { } juror)
            return;
        outbox.Enqueue(new ConflictRecordedMail(juror.Name, juror.CycleTitle, juror.LibraryName, reopened,
                reason, links.To($"/Jury/Nomination?id={conflict.NominationId}")),
            juror.Email, juror.Name, juror.Culture, deduplicationKey);
    }

    /// <summary>Tells the juror the chair's or association's decision on a conflict about them, in the same save.</summary>
    public static async Task QueueDecidedAsync(AppDbContext db, Outbox outbox, PublicLinks links, ConflictOfInterest conflict,
        CancellationToken cancellationToken)
    {
        if (await ReaderAsync(db, conflict, cancellationToken) is not { } juror)
            return;
        outbox.Enqueue(new ConflictDecidedMail(juror.Name, juror.CycleTitle, juror.LibraryName,
                conflict.Status == ConflictStatus.Confirmed, conflict.DecisionReason, links.To($"/Jury/Nomination?id={conflict.NominationId}")),
            juror.Email, juror.Name, juror.Culture,
            // A reopened conflict decided again is a new decision, with its own mail.
            $"{conflict.Id}:{conflict.DecidedAt!.Value.UtcTicks}");
    }

    /// <summary>The juror the conflict is about, with the cycle's title in their language; null when they have no address.</summary>
    private static async Task<Reader?> ReaderAsync(AppDbContext db, ConflictOfInterest conflict, CancellationToken cancellationToken)
    {
        var juror = await db.Users.Where(u => u.Id == conflict.JurorUserId)
            .Select(u => new { u.DisplayName, u.Email, u.PreferredCulture }).SingleAsync(cancellationToken);
        if (string.IsNullOrEmpty(juror.Email))
            return null;
        var cycle = await db.Cycles.Where(c => c.Id == conflict.CycleId).Select(c => new { c.Title, c.TitleEn }).SingleAsync(cancellationToken);
        var library = await db.Nominations.Where(n => n.Id == conflict.NominationId)
            .Join(db.Libraries, n => n.LibraryId, l => l.Id, (n, l) => l.Name).SingleAsync(cancellationToken);
        return new Reader(juror.DisplayName, juror.Email, juror.PreferredCulture,
            MailTexts.Pick(cycle.Title, cycle.TitleEn, juror.PreferredCulture), library);
    }

    private sealed record Reader(string Name, string Email, string Culture, string CycleTitle, string LibraryName);
}
