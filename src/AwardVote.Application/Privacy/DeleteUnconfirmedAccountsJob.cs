using AwardVote.Infrastructure.Auditing;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using AwardVote.Infrastructure.Privacy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Privacy;

/// <summary>
/// Deletes the accounts whose e-mail address was never confirmed, <see cref="PrivacyOptions.UnconfirmedAccountDays"/>
/// after they were made: such an account cannot sign in, so it holds nothing but what was typed into the form. With it
/// go its Identity rows (logins, tokens, claims, passkeys: the database cascades), its account mails (confirmation,
/// password reset, "you already have an account") and, in the audit log, its address, name and id, which become its
/// pseudonym (<see cref="AuditPseudonymiser"/>) — all in one transaction with the run's audit entry (counts only).
/// </summary>
/// <remarks>
/// An unconfirmed account that nonetheless holds a role, wrote a nomination or cast a ballot (an administrator's or a
/// script's doing) is left alone: the award needs to know who that was, and erasing it is a person's request, not a
/// clock's. Daily and idempotent: a second run finds no such account and writes nothing.
/// </remarks>
public sealed class DeleteUnconfirmedAccountsJob(
    AppDbContext db,
    AuditPseudonymiser pseudonymiser,
    Pseudonyms pseudonyms,
    AuditLog audit,
    TimeProvider clock,
    IOptions<PrivacyOptions> options,
    ILogger<DeleteUnconfirmedAccountsJob> logger) : IUseCase
{
    public const string DeletedAction = "privacy.unconfirmed-accounts-deleted";

    /// <summary>Accounts deleted in one transaction; a run goes on page by page.</summary>
    internal const int PageSize = 200;

    private static readonly string[] AccountMailPurposes =
    [
        new AccountConfirmationMail("", "").Purpose, new PasswordResetMail("", "").Purpose, new AccountExistsMail("", "").Purpose,
    ];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var deleted = 0;
        while (true)
        {
            var page = await DeleteAsync(cancellationToken);
            deleted += page;
            if (page < PageSize)
                return deleted;
        }
    }

    private async Task<int> DeleteAsync(CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var before = clock.GetUtcNow() - TimeSpan.FromDays(Math.Max(0, options.Value.UnconfirmedAccountDays));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var users = await db.Users
            .Where(u => !u.EmailConfirmed && u.CreatedAt < before
                        && !db.RoleGrants.Any(g => g.UserId == u.Id)
                        && !db.Nominations.Any(n => n.CreatedByUserId == u.Id)
                        && !db.ScoreBallots.Any(b => b.JurorUserId == u.Id || b.EnteredByUserId == u.Id)
                        && !db.RankedBallots.Any(b => b.JurorUserId == u.Id || b.EnteredByUserId == u.Id))
            .OrderBy(u => u.Id)
            .Take(PageSize)
            .ToListAsync(cancellationToken);
        if (users.Count == 0)
            return 0;

        var mails = 0;
        var entries = 0;
        foreach (var user in users)
        {
            // The account's own mails carry its id in their key ("purpose:account id:…"); a mail to the same address
            // for something else stays.
            var keys = AccountMailPurposes.Select(purpose => $"{purpose}:{user.Id}:").ToList();
            mails += await db.Outbox.Where(m => m.DeduplicationKey.StartsWith(keys[0]) || m.DeduplicationKey.StartsWith(keys[1])
                                                || m.DeduplicationKey.StartsWith(keys[2]))
                .ExecuteDeleteAsync(cancellationToken);
            entries += await pseudonymiser.PseudonymiseAsync(user.Id, [user.Email, user.UserName, user.DisplayName], cancellationToken);
        }
        db.Users.RemoveRange(users);
        audit.Record(DeletedAction, "User", "",
            after: new
            {
                Accounts = users.Count,
                Pseudonyms = users.Select(u => pseudonyms.Person(u.Id)).ToList(),
                Mails = mails,
                AuditEntries = entries,
                options.Value.UnconfirmedAccountDays,
            });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Deleted {Accounts} accounts whose address was never confirmed", users.Count);
        return users.Count;
    }
}
