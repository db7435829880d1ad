using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Results;

/// <summary>One category's announcement as the public page will show it.</summary>
public sealed record AnnouncementPreview(string CategoryName, string? CategoryNameEn, string LaureateName, string Citation, string? CitationEn,
    IReadOnlyList<string> Shortlist);

/// <summary>One results mail as it will be sent.</summary>
public sealed record MailPreview(string ToName, string ToEmail, string Culture, string Purpose, string Subject, string TextBody);

public sealed record PublicationPreview(IReadOnlyList<AnnouncementPreview> Announcements, IReadOnlyList<MailPreview> Mails);

/// <summary>
/// What "publish now" will do, before it is done: each category's announcement and every results mail, rendered by
/// the very mailer the publication uses (<see cref="ResultsMailer"/>) and then dropped unsaved, so the preview cannot
/// differ from what is sent. Nothing is written.
/// </summary>
public sealed class PreviewPublication(AppDbContext db, ResultStandings standings, Outbox outbox, PublicLinks links) : IUseCase
{
    public async Task<Outcome<PublicationPreview>> RunAsync(int cycleId, CancellationToken cancellationToken)
    {
        if (await standings.CycleAsync(cycleId, cancellationToken) is not { } cycle)
            return Announcements.NotFound;
        var views = await standings.LoadAsync(cycle, tracked: false, cancellationToken);
        var announcements = views
            .Where(v => v.Standing.Pending is not null && v.Laureate is not null)
            .Select(v => new AnnouncementPreview(v.Category.Name, v.Category.NameEn, v.Laureate!.LibraryName, v.Standing.Pending!.Citation,
                v.Standing.Pending.CitationEn, v.Finalists.Select(f => f.LibraryName).ToList()))
            .ToList();
        try
        {
            await new ResultsMailer(db, outbox, links).QueueAsync(cycle, views, cancellationToken);
            var mails = db.ChangeTracker.Entries<OutboxMessage>()
                .Where(e => e.State == EntityState.Added)
                .Select(e => e.Entity)
                .OrderBy(m => m.Purpose).ThenBy(m => m.ToName)
                .Select(m => new MailPreview(m.ToName ?? "", m.ToEmail, m.Culture, m.Purpose, m.Subject, m.TextBody))
                .ToList();
            return new PublicationPreview(announcements, mails);
        }
        finally
        {
            // A preview: the queued mails are never saved.
            foreach (var entry in db.ChangeTracker.Entries<OutboxMessage>().Where(e => e.State == EntityState.Added).ToList())
                entry.State = EntityState.Detached;
        }
    }
}
