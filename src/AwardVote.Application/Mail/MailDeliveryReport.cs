using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Mail;

public sealed record MailCounts(string Purpose, int Sent, int Pending, int Failed)
{
    public int All => Sent + Pending + Failed;
}

public sealed record FailedMail(long Id, string ToEmail, string? ToName, string Purpose, string Subject, int Attempts,
    DateTimeOffset CreatedAt, string? LastError);

public sealed record MailDelivery(MailCounts Total, IReadOnlyList<MailCounts> ByPurpose, IReadOnlyList<FailedMail> Failed);

/// <summary>
/// How much of the outbox is sent, waiting or failed, overall and per purpose, and the failed messages with the
/// server's last answer (the administrator's mail page and GET /api/admin/mail).
/// </summary>
public sealed class MailDeliveryReport(AppDbContext db) : IUseCase
{
    /// <summary>Enough failed messages for a page; a larger backlog is a server problem, not a list to read.</summary>
    public const int FailedListed = 200;

    public async Task<MailDelivery> RunAsync(CancellationToken cancellationToken)
    {
        var groups = await db.Outbox
            .GroupBy(m => new { m.Purpose, m.Status })
            .Select(g => new { g.Key.Purpose, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var byPurpose = groups.GroupBy(g => g.Purpose)
            .Select(g => new MailCounts(g.Key,
                g.Where(x => x.Status == OutboxStatus.Sent).Sum(x => x.Count),
                g.Where(x => x.Status == OutboxStatus.Pending).Sum(x => x.Count),
                g.Where(x => x.Status == OutboxStatus.Failed).Sum(x => x.Count)))
            .OrderBy(c => c.Purpose, StringComparer.Ordinal)
            .ToList();
        var total = new MailCounts("", byPurpose.Sum(c => c.Sent), byPurpose.Sum(c => c.Pending), byPurpose.Sum(c => c.Failed));
        var failed = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.Id)
            .Take(FailedListed)
            .Select(m => new FailedMail(m.Id, m.ToEmail, m.ToName, m.Purpose, m.Subject, m.Attempts, m.CreatedAt, m.LastError))
            .ToListAsync(cancellationToken);
        return new MailDelivery(total, byPurpose, failed);
    }
}
