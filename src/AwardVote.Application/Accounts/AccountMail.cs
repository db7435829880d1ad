using System.Security.Cryptography;
using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Mail;

namespace AwardVote.Application.Accounts;

/// <summary>
/// The account mails (confirmation, password reset): queued in the caller's unit of work with the account's
/// language, then delivered by <see cref="DeliverOutboxJob"/>.
/// </summary>
public sealed class AccountMail(Outbox outbox, MailSoon soon)
{
    public void QueueConfirmation(AppUser user, string confirmationUrl) =>
        outbox.Enqueue(new AccountConfirmationMail(user.DisplayName, confirmationUrl), user.Email!, user.DisplayName,
            user.PreferredCulture, $"{user.Id}:{Fingerprint(confirmationUrl)}");

    public void QueuePasswordReset(AppUser user, string resetUrlOrCode) =>
        outbox.Enqueue(new PasswordResetMail(user.DisplayName, resetUrlOrCode), user.Email!, user.DisplayName,
            user.PreferredCulture, $"{user.Id}:{Fingerprint(resetUrlOrCode)}");

    /// <summary>Asks for delivery now instead of at the next minute; the recurring job is the safety net.</summary>
    public void DeliverSoon() => soon.DeliverSoon();

    /// <summary>Each new link is its own mail; the same link is queued once.</summary>
    private static string Fingerprint(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
