using System.Net;
using AwardVote.Application.Accounts;
using AwardVote.Infrastructure.Accounts;
using AwardVote.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;

namespace AwardVote.Web.Accounts;

/// <summary>
/// The mails of <c>MapIdentityApi</c> (/api/auth). Identity resolves its sender once, from the root container, so
/// this one opens a scope per mail and queues it in the outbox like every other mail.
/// </summary>
public sealed class IdentityApiEmailSender(IServiceScopeFactory scopes) : IEmailSender<AppUser>
{
    // Identity's API hands over HTML-encoded links.
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync(mail => mail.QueueConfirmation(user, WebUtility.HtmlDecode(confirmationLink)));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync(mail => mail.QueuePasswordReset(user, WebUtility.HtmlDecode(resetLink)));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueAsync(mail => mail.QueuePasswordReset(user, resetCode));

    private async Task QueueAsync(Action<AccountMail> queue)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mail = scope.ServiceProvider.GetRequiredService<AccountMail>();
        queue(mail);
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        mail.DeliverSoon();
    }
}
