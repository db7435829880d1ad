using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Web.Accounts;
using AwardVote.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AwardVote.Web.Pages.Admin.Mail;

/// <summary>
/// Mail delivery: how much of the outbox is sent, waiting or failed, overall and per purpose, and the failed
/// messages with the server's last answer. A failed message can be sent again: the same row goes back to the
/// queue, so resending never makes a second copy of it.
/// </summary>
[Authorize(Policy = Policies.Administrator)]
public sealed class IndexModel(AppDbContext db, AuditLog audit, TimeProvider clock, AccountMail mail, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>Enough failed messages for a page; a larger backlog is a server problem, not a list to read.</summary>
    public const int FailedListed = 200;

    public Counts Total { get; private set; } = new("", 0, 0, 0);
    public List<Counts> ByPurpose { get; private set; } = [];
    public List<FailedRow> Failed { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public sealed record Counts(string Purpose, int Sent, int Pending, int Failed)
    {
        public int All => Sent + Pending + Failed;
    }

    public sealed record FailedRow(long Id, string ToEmail, string? ToName, string Purpose, string Subject, int Attempts,
        DateTimeOffset CreatedAt, string? LastError);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var groups = await db.Outbox
            .GroupBy(m => new { m.Purpose, m.Status })
            .Select(g => new { g.Key.Purpose, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        ByPurpose = groups.GroupBy(g => g.Purpose)
            .Select(g => new Counts(g.Key,
                g.Where(x => x.Status == OutboxStatus.Sent).Sum(x => x.Count),
                g.Where(x => x.Status == OutboxStatus.Pending).Sum(x => x.Count),
                g.Where(x => x.Status == OutboxStatus.Failed).Sum(x => x.Count)))
            .OrderBy(c => c.Purpose, StringComparer.Ordinal)
            .ToList();
        Total = new Counts("", ByPurpose.Sum(c => c.Sent), ByPurpose.Sum(c => c.Pending), ByPurpose.Sum(c => c.Failed));
        Failed = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.Id)
            .Take(FailedListed)
            .Select(m => new FailedRow(m.Id, m.ToEmail, m.ToName, m.Purpose, m.Subject, m.Attempts, m.CreatedAt, m.LastError))
            .ToListAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostResendAsync(long id, CancellationToken cancellationToken)
    {
        var queued = await ResendAsync(id, cancellationToken);
        if (queued)
            mail.DeliverSoon();
        Message = queued
            ? l["The message is queued again and goes out with the next delivery run."]
            : l["Only a failed message can be sent again; this one is already queued or sent."];
        return RedirectToPage();
    }

    /// <summary>
    /// Puts a failed message back in the queue, due now, with its attempts kept (the back-off goes on from there).
    /// The conditional update makes only a failed message move, once, even with two administrators clicking;
    /// the audit entry commits with it.
    /// </summary>
    public async Task<bool> ResendAsync(long id, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var message = await db.Outbox.AsNoTracking()
            .Where(m => m.Id == id)
            .Select(m => new { m.Status, m.Attempts, m.LastError, m.ToEmail, m.Purpose })
            .SingleOrDefaultAsync(cancellationToken);
        if (message is not { Status: OutboxStatus.Failed })
            return false;
        var moved = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptAt, now)
                .SetProperty(m => m.LockedUntil, (DateTimeOffset?)null), cancellationToken);
        if (moved != 1)
            return false;
        audit.Record("mail.resend", "OutboxMessage", id,
            before: new { message.Status, message.Attempts, message.LastError },
            after: new { Status = OutboxStatus.Pending, NextAttemptAt = now, message.Purpose, message.ToEmail });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
