using AwardVote.Domain.Accounts;
using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Cycles;

/// <summary>
/// Tells every juror (and chair) of the cycle that a judging round opened, queued before the phase move's save so the
/// mails commit with the move or not at all. Once per (cycle, round, juror): the outbox's key is that triple, and a
/// key already queued is not queued again, so a move run twice, or a round moved back and forward again, mails once.
/// </summary>
internal static class JudgingOpenedMails
{
    public static async Task QueueAsync(AppDbContext db, Outbox outbox, PublicLinks links, AwardCycle cycle, PhaseStep step,
        CancellationToken cancellationToken)
    {
        if (step.Phase != CyclePhase.Judging)
            return;
        var jurors = await db.RoleGrants
            .Where(g => g.CycleId == cycle.Id && (g.Role == ScopedRole.Juror || g.Role == ScopedRole.Chair))
            .Join(db.Users, g => g.UserId, u => u.Id, (g, u) => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture })
            .Distinct()
            .ToListAsync(cancellationToken);
        var prefix = $"{new JudgingOpenedMail("", "", 0, null, "").Purpose}:";
        var keys = jurors.Select(j => prefix + Key(cycle.Id, step.RoundNumber, j.Id)).ToList();
        var queued = (await db.Outbox.Where(m => keys.Contains(m.DeduplicationKey)).Select(m => m.DeduplicationKey)
            .ToListAsync(cancellationToken)).ToHashSet();
        var closes = cycle.Schedule.Where(s => s.Sequence > step.Sequence).MinBy(s => s.Sequence)?.StartsAt;
        var url = links.To("/Jury");
        foreach (var juror in jurors.Where(j => !string.IsNullOrEmpty(j.Email)))
        {
            if (queued.Contains(prefix + Key(cycle.Id, step.RoundNumber, juror.Id)))
                continue;
            outbox.Enqueue(new JudgingOpenedMail(juror.DisplayName, MailTexts.Pick(cycle.Title, cycle.TitleEn, juror.PreferredCulture),
                    step.RoundNumber, closes is { } at ? MailTexts.Deadline(at, cycle.TimeZone, juror.PreferredCulture) : null, url),
                juror.Email!, juror.DisplayName, juror.PreferredCulture, Key(cycle.Id, step.RoundNumber, juror.Id));
        }
    }

    private static string Key(int cycleId, int round, string userId) => $"{cycleId}:{round}:{userId}";
}
