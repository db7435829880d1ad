using System.Security.Cryptography;
using System.Text;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using AwardVote.Infrastructure.Mail;
using Hangfire;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Web.Accounts;

/// <summary>
/// The account mails (confirmation, password reset) for the pages and for <c>MapIdentityApi</c>: queued in the
/// outbox with the account's language, then delivered by <see cref="DeliverOutboxJob"/>.
/// </summary>
public sealed class AccountMail(AppDbContext db, Outbox outbox, IBackgroundJobClient jobs) : IEmailSender<AppUser>
{
    public void QueueConfirmation(AppUser user, string confirmationUrl) =>
        outbox.Enqueue(new AccountConfirmationMail(user.DisplayName, confirmationUrl), user.Email!, user.DisplayName,
            user.PreferredCulture, $"{user.Id}:{Fingerprint(confirmationUrl)}");

    public void QueuePasswordReset(AppUser user, string resetUrlOrCode) =>
        outbox.Enqueue(new PasswordResetMail(user.DisplayName, resetUrlOrCode), user.Email!, user.DisplayName,
            user.PreferredCulture, $"{user.Id}:{Fingerprint(resetUrlOrCode)}");

    /// <summary>Asks for delivery now instead of at the next minute; the recurring job is the safety net.</summary>
    public void DeliverSoon() => jobs.Enqueue<DeliverOutboxJob>(job => job.RunAsync(CancellationToken.None));

    async Task IEmailSender<AppUser>.SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink)
    {
        // Identity's API hands over an HTML-encoded link.
        QueueConfirmation(user, System.Net.WebUtility.HtmlDecode(confirmationLink));
        await db.SaveChangesAsync();
        DeliverSoon();
    }

    async Task IEmailSender<AppUser>.SendPasswordResetLinkAsync(AppUser user, string email, string resetLink)
    {
        QueuePasswordReset(user, System.Net.WebUtility.HtmlDecode(resetLink));
        await db.SaveChangesAsync();
        DeliverSoon();
    }

    async Task IEmailSender<AppUser>.SendPasswordResetCodeAsync(AppUser user, string email, string resetCode)
    {
        QueuePasswordReset(user, resetCode);
        await db.SaveChangesAsync();
        DeliverSoon();
    }

    /// <summary>Each new link is its own mail; the same link is queued once.</summary>
    private static string Fingerprint(string value) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..16];
}
