using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;

namespace AwardVote.Application.Mail;

/// <summary>
/// The administrator sends a failed message again: the same row goes back to the queue, due now, with its attempts
/// kept (the back-off goes on from there), so resending never makes a second copy of it. The conditional update makes
/// only a failed message move, once, even with two administrators clicking; the audit entry commits with it.
/// </summary>
public sealed class ResendMail(AppDbContext db, AuditLog audit, MailSoon mail, TimeProvider clock) : IUseCase
{
    public async Task<Outcome> RunAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = await db.Outbox.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Status, m.Attempts, m.LastError, m.ToEmail, m.Purpose, BodyRemoved = m.TextBody == OutboxMessage.Removed })
            .SingleOrDefaultAsync(cancellationToken);
        if (message is null)
            return Refusal.NotFound;
        if (message.Status != OutboxStatus.Failed)
            return Refusal.Conflict(RefusalCode.MailNotFailed);
        // Its secrets went with its body (PurgeMailBodiesJob): a resend would be an empty mail.
        if (message.BodyRemoved)
            return Refusal.Conflict(RefusalCode.MailBodyRemoved);
        var moved = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (moved != 1)
            return Refusal.Conflict(RefusalCode.MailNotFailed);
        audit.Record("mail.resend", "OutboxMessage", id,
            before: new { message.Status, message.Attempts, message.LastError },
            after: new { Status = OutboxStatus.Pending, NextAttemptAt = now, message.Purpose, message.ToEmail });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        mail.DeliverSoon();
        return Outcome.Done;
    }
}
