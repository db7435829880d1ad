using AwardVote.Domain.Cycles;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Jury;

/// <summary>A juror with unfinished ballots in the open round, across the panels asked about.</summary>
public sealed record ReminderRecipient(string UserId, string Name, string Email, string Culture, int Unfinished, int Assigned,
    IReadOnlyList<string> UnfinishedNominations);

/// <summary>
/// The digest reminders for jurors with unfinished ballots: one mail per juror and occasion, saying how many
/// ballots are left, however many panels of the cycle the juror sits on. Used by the chair's board (its preview),
/// <see cref="RemindJurors"/> and <see cref="RemindJurorsJob"/>; the caller's deduplication key decides what
/// "once" means.
/// </summary>
public sealed class JurorReminders(AppDbContext db, PanelProgress progress, Outbox outbox, PublicLinks links) : IUseCase
{
    /// <summary>Jurors of the given panels (all of the cycle's when null) with unfinished ballots in the open round.</summary>
    public async Task<IReadOnlyList<ReminderRecipient>> LateJurorsAsync(int cycleId, int? categoryId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var categories = await db.Categories.Where(c => c.CycleId == cycleId && (categoryId == null || c.Id == categoryId))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var rows = new List<PanelProgress.JurorRow>();
        foreach (var category in categories)
        {
            if (await progress.RunAsync(cycleId, category, now, cancellationToken) is { RoundIsClosed: false } report)
                rows.AddRange(report.Jurors);
        }
        return rows.GroupBy(r => r.UserId)
            .Select(g => new ReminderRecipient(g.Key, g.First().Name, g.First().Email, g.First().Culture, g.Sum(r => r.Unfinished), g.Sum(r => r.Assigned),
                (IReadOnlyList<string>)g.SelectMany(r => r.UnfinishedNominations).Distinct().Order(StringComparer.CurrentCulture).ToList()))
            .Where(r => r.Unfinished > 0 && r.Email.Length > 0)
            .OrderBy(r => r.Name, StringComparer.CurrentCulture)
            .ToList();
    }

    /// <summary>The mail a recipient gets, for the page's preview and for sending: the same object both times.</summary>
    /// <param name="note">The chair's or administrator's own words for the jurors, if any.</param>
    public JurorReminderMail MailFor(AwardCycle cycle, ReminderRecipient recipient, string? note = null)
    {
        var closesAt = Domain.Judging.JudgingRules.RoundClosesAt(cycle, Math.Max(1, cycle.RoundNumber));
        return new JurorReminderMail(recipient.Name, MailTexts.Pick(cycle.Title, cycle.TitleEn, recipient.Culture), recipient.Unfinished,
            recipient.Assigned, closesAt is { } at ? MailTexts.Deadline(at, cycle.TimeZone, recipient.Culture) : null, links.To("/Jury"))
        {
            UnfinishedNominations = recipient.UnfinishedNominations,
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
        };
    }

    /// <summary>Queues the reminder unless one with the same key was queued before; the caller saves.</summary>
    public async Task<bool> QueueAsync(AwardCycle cycle, ReminderRecipient recipient, string deduplicationKey, CancellationToken cancellationToken,
        string? note = null)
    {
        var mail = MailFor(cycle, recipient, note);
        var key = $"{mail.Purpose}:{deduplicationKey}";
        if (await db.Outbox.AnyAsync(m => m.DeduplicationKey == key, cancellationToken))
            return false;
        outbox.Enqueue(mail, recipient.Email, recipient.Name, recipient.Culture, deduplicationKey);
        return true;
    }
}
