using System.Security.Cryptography;
using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AwardVote.Application.Accounts;

/// <summary>
/// The account mails (confirmation, password reset, "you already have an account"): queued in the caller's unit of
/// work with the account's language, then delivered by <see cref="DeliverOutboxJob"/>. Anyone can ask for them for
/// any address, so each address gets at most <see cref="AccountLimits.MailsPerRecipientPerDay"/> of them a day,
/// whoever asks: the association's sender cannot be turned on one inbox. The caller's answer does not change when a
/// mail is held back, so the limit tells nobody whether the address has an account.
/// </summary>
public sealed class AccountMail(Outbox outbox, MailSoon soon, AppDbContext db, IOptions<AccountLimits> limits, TimeProvider clock)
{
    private static readonly string[] Purposes =
    [
        new AccountConfirmationMail("", "").Purpose, new PasswordResetMail("", "").Purpose, new AccountExistsMail("", "").Purpose,
    ];

    public async Task QueueConfirmationAsync(AppUser user, string confirmationUrl, CancellationToken cancellationToken = default)
    {
        if (await UnderLimitAsync(user.Email!, cancellationToken))
            outbox.Enqueue(new AccountConfirmationMail(user.DisplayName, confirmationUrl), user.Email!, user.DisplayName,
                user.PreferredCulture, $"{user.Id}:{Fingerprint(confirmationUrl)}");
    }

    public async Task QueuePasswordResetAsync(AppUser user, string resetUrlOrCode, CancellationToken cancellationToken = default)
    {
        if (await UnderLimitAsync(user.Email!, cancellationToken))
            outbox.Enqueue(new PasswordResetMail(user.DisplayName, resetUrlOrCode), user.Email!, user.DisplayName,
                user.PreferredCulture, $"{user.Id}:{Fingerprint(resetUrlOrCode)}");
    }

    /// <summary>Someone registered with an address that has an account: its owner is told. One such mail a day.</summary>
    public async Task QueueAccountExistsAsync(AppUser existing, string forgotPasswordUrl, CancellationToken cancellationToken = default)
    {
        if (await UnderLimitAsync(existing.Email!, cancellationToken))
            outbox.Enqueue(new AccountExistsMail(existing.DisplayName, forgotPasswordUrl), existing.Email!, existing.DisplayName,
                existing.PreferredCulture, $"{existing.Id}:{clock.GetUtcNow():yyyy-MM-dd}");
    }

    /// <summary>
    /// The same query for an address with an account and one without (the callers ask for both), so the time an
    /// answer takes does not tell them apart either.
    /// </summary>
    public async Task<bool> UnderLimitAsync(string email, CancellationToken cancellationToken = default)
    {
        var since = clock.GetUtcNow().AddDays(-1);
        var sent = await db.Outbox.CountAsync(m => m.ToEmail == email && Purposes.Contains(m.Purpose) && m.CreatedAt > since, cancellationToken);
        return sent < Math.Max(1, limits.Value.MailsPerRecipientPerDay);
    }

    /// <summary>Asks for delivery now instead of at the next minute; the recurring job is the safety net.</summary>
    public void DeliverSoon() => soon.DeliverSoon();

    /// <summary>Each new link is its own mail; the same link is queued once.</summary>
    private static string Fingerprint(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
