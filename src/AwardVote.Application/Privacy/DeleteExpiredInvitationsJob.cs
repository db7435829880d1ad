using AwardVote.Domain.Libraries;
using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Mail.Templates;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Privacy;

/// <summary>
/// Deletes the invitations (library representatives, jurors, chairs) nobody accepted,
/// <see cref="PrivacyOptions.ExpiredInvitationDays"/> after they expired — or after they were declined, which answers
/// them as surely: an unanswered invitation is only an address somebody once typed. An accepted one stays (it records
/// how a role was given). With each address that no invitation or account uses any more go the invitation mails'
/// delivery reports to it (their bodies were removed when they were sent) and, in the audit log, the address itself,
/// which becomes a pseudonym (<see cref="AuditPseudonymiser"/>): the entries keep that somebody was invited, when and by
/// whom. An address still invited again, or with an account, is the person's current data and is kept where it is.
/// </summary>
/// <remarks>Daily and idempotent, in one transaction with the run's audit entry (counts only): a second run finds nothing.</remarks>
public sealed class DeleteExpiredInvitationsJob(
    AppDbContext db,
    AuditPseudonymiser pseudonymiser,
    AuditLog audit,
    TimeProvider clock,
    IOptions<PrivacyOptions> options,
    ILogger<DeleteExpiredInvitationsJob> logger) : IUseCase
{
    public const string DeletedAction = "privacy.expired-invitations-deleted";

    private static readonly string[] InvitationMailPurposes =
    [
        new JuryInvitationMail("", "", "", "", false, "", "", 0).Purpose, new LibraryInvitationMail("", "", new LibraryName("", "", "", "", ""), "", "", 0).Purpose,
    ];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var before = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, options.Value.ExpiredInvitationDays));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitations = await db.Invitations
            .Where(i => i.AcceptedAt == null && (i.DeclinedAt != null ? i.DeclinedAt < before : i.ExpiresAt < before))
            .ToListAsync(cancellationToken);
        if (invitations.Count == 0)
            return 0;
        db.Invitations.RemoveRange(invitations);

        var ids = invitations.Select(i => i.Id).ToList();
        var mails = 0;
        var entries = 0;
        foreach (var email in invitations.Select(i => i.Email).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            var normalized = email.ToUpperInvariant();
            var stillUsed = await db.Invitations.AnyAsync(i => !ids.Contains(i.Id) && i.Email.ToUpper() == normalized, cancellationToken)
                            || await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, cancellationToken);
            if (stillUsed)
                continue;
            mails += await db.Outbox
                .Where(m => InvitationMailPurposes.Contains(m.Purpose) && m.ToEmail.ToUpper() == normalized && m.Status != OutboxStatus.Pending)
                .ExecuteDeleteAsync(cancellationToken);
            // Not an account: the pseudonym is made from the address, the same for every invitation to it.
            entries += await pseudonymiser.PseudonymiseAsync("invitee:" + normalized, [email], cancellationToken);
        }
        audit.Record(DeletedAction, "Invitation", "",
            after: new { Invitations = invitations.Count, Mails = mails, AuditEntries = entries, options.Value.ExpiredInvitationDays });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Deleted {Invitations} invitations expired or declined long ago", invitations.Count);
        return invitations.Count;
    }
}
