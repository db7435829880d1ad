using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Infrastructure.Mail;

/// <summary>
/// A sent message loses its body when it is sent (<see cref="DeliverOutboxJob"/>); a failed one keeps it for
/// <see cref="MailOptions.FailedRetentionDays"/>, for the administrator to send it again, and then loses it here. What
/// stays (to whom, what about, when, what went wrong) is the delivery report; what goes is every one-time secret the
/// mail carried. Daily, idempotent: a second run finds nothing left to remove.
/// </summary>
public sealed class PurgeMailBodiesJob(AppDbContext db, TimeProvider clock, IOptions<MailOptions> options, ILogger<PurgeMailBodiesJob> logger)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var before = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, options.Value.FailedRetentionDays));
        var purged = await db.Outbox
            .Where(m => m.Status != OutboxStatus.Pending && m.CreatedAt < before
                        && (m.TextBody != OutboxMessage.Removed || m.HtmlBody != null))
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.TextBody, OutboxMessage.Removed)
                .SetProperty(m => m.HtmlBody, (string?)null), cancellationToken);
        if (purged > 0)
            logger.LogInformation("Outbox: the bodies of {Count} old messages removed", purged);
        return purged;
    }
}
