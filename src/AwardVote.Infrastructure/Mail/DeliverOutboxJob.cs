using System.Data.Common;
using AwardVote.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AwardVote.Infrastructure.Mail;

/// <summary>
/// Sends what the outbox holds. Safe to run twice and on several nodes at once: each message is claimed with a
/// conditional update before it is sent, so only one run sends it. A crash between sending and recording "sent"
/// can send that one message again once its lease ends (the documented duplicate window).
/// </summary>
/// <remarks>
/// The due batch is claimed in one transaction, all or nothing, and read in one query, so a message costs one database
/// round trip (recording "sent") instead of three; see docs/benchmarks.md. If another run holds any of the batch, the
/// transaction is rolled back and this run claims message by message as before. Claimed messages a run does not get
/// to (the server failed, or half the lease has passed) are released at once for the next run.
/// </remarks>
public sealed class DeliverOutboxJob(
    AppDbContext db,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<MailOptions> options,
    IOptions<Association.AssociationOptions> association,
    ILogger<DeliverOutboxJob> logger)
{
    public async Task<DeliveryReport> RunAsync(CancellationToken cancellationToken)
    {
        // Batch after batch while the outbox is full, so a results announcement to thousands goes out in one run
        // rather than a batch a minute; bounded, so one run never holds a worker for long.
        var report = new DeliveryReport();
        var started = clock.GetUtcNow();
        while (await RunBatchAsync(report, cancellationToken)
               && clock.GetUtcNow() - started < TimeSpan.FromSeconds(options.Value.MaxRunSeconds))
        {
        }
        if (report.Sent + report.Failed + report.Deferred > 0)
            logger.LogInformation("Outbox: {Sent} sent, {Deferred} deferred, {Failed} failed", report.Sent, report.Deferred, report.Failed);
        return report;
    }

    /// <summary>One batch; true when it was full and went through (or half its lease passed), so more may be waiting.</summary>
    private async Task<bool> RunBatchAsync(DeliveryReport report, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var dueIds = await db.Outbox
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LockedUntil == null || m.LockedUntil < now))
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);
        if (dueIds.Count == 0)
            return false;

        // Leases count from the moment of the claim, not from the query: on a busy machine the query alone can take
        // a good part of a short lease, and a lease that ends early lets a second run send the same message.
        var claimedAt = clock.GetUtcNow();
        var claimedBatch = await TryClaimBatchAsync(dueIds, claimedAt, cancellationToken);
        var loaded = claimedBatch
            ? await db.Outbox.AsNoTracking().Where(m => dueIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken)
            : [];
        // Past half the lease another run may take over what this one claimed: stop well before that.
        var sendUntil = claimedAt + TimeSpan.FromSeconds(options.Value.ClaimLeaseSeconds / 2.0);
        var done = 0;
        var stopped = false;
        var leaseRanOut = false;

        IMailSession? session = null;
        try
        {
            foreach (var id in dueIds)
            {
                if (claimedBatch && clock.GetUtcNow() > sendUntil)
                {
                    // Not a reason to stop the run: the rest is released below and claimed afresh by the next batch.
                    leaseRanOut = true;
                    break;
                }
                done++;
                if (!claimedBatch && !await TryClaimAsync(id, clock.GetUtcNow(), cancellationToken))
                    continue;

                var message = claimedBatch ? loaded[id] : await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, cancellationToken);
                try
                {
                    session ??= await transport.OpenAsync(cancellationToken);
                    await session.SendAsync(ToMime(message), cancellationToken);
                    await MarkSentAsync(id, cancellationToken);
                    report.Sent++;
                }
                catch (MailDeliveryException ex)
                {
                    await MarkFailedAttemptAsync(message, ex, cancellationToken);
                    if (ex.IsPermanent) report.Failed++; else report.Deferred++;
                    if (!ex.IsPermanent && !ex.OnlyThisMessage)
                    {
                        // The server is unwell: leave the rest for the next run instead of hammering it. A 4xx
                        // to one recipient (greylisting, a full mailbox) holds back only that message.
                        stopped = true;
                        break;
                    }
                }
            }
        }
        finally
        {
            if (session is not null)
                await session.DisposeAsync();
        }

        if (claimedBatch && done < dueIds.Count)
            await ReleaseAsync(dueIds.Skip(done).ToList(), cancellationToken);
        return !stopped && (leaseRanOut || dueIds.Count == options.Value.BatchSize);
    }

    /// <summary>
    /// Claims every message of the batch, or none: the conditional update runs in a transaction that is committed only
    /// if it took each row. Another run's claim on any row (or a deadlock with it) rolls it back.
    /// </summary>
    private async Task<bool> TryClaimBatchAsync(List<long> ids, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaseEnd = now + TimeSpan.FromSeconds(options.Value.ClaimLeaseSeconds);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Outbox
                .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
            if (claimed != ids.Count)
            {
                await transaction.RollbackAsync(cancellationToken);
                return false;
            }
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // A deadlock or serialization failure with a run claiming the same rows: fall back to one by one.
            logger.LogDebug(ex, "Outbox: the batch claim met another run; claiming one by one");
            return false;
        }
    }

    /// <summary>Hands back claimed messages this run did not try, so the next run need not wait for the lease.</summary>
    private Task ReleaseAsync(List<long> ids, CancellationToken cancellationToken) =>
        db.Outbox
            .Where(m => ids.Contains(m.Id) && m.Status == OutboxStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);

    private async Task<bool> TryClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var leaseEnd = now + TimeSpan.FromSeconds(options.Value.ClaimLeaseSeconds);
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && (m.LockedUntil == null || m.LockedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntil, leaseEnd), cancellationToken);
        return claimed == 1;
    }

    /// <summary>
    /// The body goes in the same statement that records "sent": it holds the one-time secrets of the mail (reset codes,
    /// vote, letter and invitation links), whose hashes alone are meant to stay in the database. Kept until then, so a
    /// message is sent whole however often it is tried.
    /// </summary>
    private Task MarkSentAsync(long id, CancellationToken cancellationToken)
    {
        var sentAt = clock.GetUtcNow();
        return db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentAt, sentAt)
            .SetProperty(m => m.TextBody, OutboxMessage.Removed)
            .SetProperty(m => m.HtmlBody, (string?)null)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, (string?)null), cancellationToken);
    }

    private Task MarkFailedAttemptAsync(OutboxMessage message, MailDeliveryException error, CancellationToken cancellationToken)
    {
        var attempts = message.Attempts + 1;
        var giveUp = error.IsPermanent || attempts >= options.Value.MaxAttempts;
        var next = clock.GetUtcNow() + Backoff(attempts);
        var lastError = error.Message.Length > 2000 ? error.Message[..2000] : error.Message;
        logger.LogWarning("Mail {Id} to {To} not delivered (attempt {Attempt}, {Outcome}): {Error}",
            message.Id, message.ToEmail, attempts, giveUp ? "failed" : "will retry", error.Message);
        return db.Outbox.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, giveUp ? OutboxStatus.Failed : OutboxStatus.Pending)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null)
            .SetProperty(m => m.LastError, lastError), cancellationToken);
    }

    /// <summary>1, 2, 4, 8 … minutes, at most six hours.</summary>
    public static TimeSpan Backoff(int attempts) =>
        TimeSpan.FromMinutes(Math.Min(Math.Pow(2, Math.Max(0, attempts - 1)), 360));

    private MimeMessage ToMime(OutboxMessage message)
    {
        var mime = new MimeMessage
        {
            // A stable Message-Id lets receivers drop the copy a crash may cause.
            MessageId = $"outbox-{message.Id}@awardvote",
            Subject = message.Subject,
            Date = message.CreatedAt,
        };
        var fromName = options.Value.FromName is { Length: > 0 } configured ? configured : association.Value.MailSenderName;
        mime.From.Add(new MailboxAddress(fromName, options.Value.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToEmail));
        mime.Headers.Add("X-AwardVote-Purpose", message.Purpose);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        mime.Body = body.ToMessageBody();
        // A Content-* header belongs to the body entity; on the message it would be dropped.
        mime.Body.Headers.Add(HeaderId.ContentLanguage, message.Culture);
        return mime;
    }
}

public sealed class DeliveryReport
{
    public int Sent { get; set; }
    public int Deferred { get; set; }
    public int Failed { get; set; }
}
