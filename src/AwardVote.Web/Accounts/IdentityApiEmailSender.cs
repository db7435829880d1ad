using System.Net;
using AwardVote.Application;
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
    // Identity's API hands over HTML-encoded links built from the request's Host header, which whoever calls it
    // chooses: only their path and query are kept, on the configured public address.
    public Task SendConfirmationLinkAsync(AppUser user, string email, string confirmationLink) =>
        QueueAsync((mail, links) => mail.QueueConfirmationAsync(user, links.To(PathAndQuery(confirmationLink))));

    public Task SendPasswordResetLinkAsync(AppUser user, string email, string resetLink) =>
        QueueAsync((mail, links) => mail.QueuePasswordResetAsync(user, links.To(PathAndQuery(resetLink))));

    public Task SendPasswordResetCodeAsync(AppUser user, string email, string resetCode) =>
        QueueAsync((mail, _) => mail.QueuePasswordResetAsync(user, resetCode));

    private static string PathAndQuery(string link)
    {
        var decoded = WebUtility.HtmlDecode(link);
        return Uri.TryCreate(decoded, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : decoded;
    }

    private async Task QueueAsync(Func<AccountMail, PublicLinks, Task> queue)
    {
        await using var scope = scopes.CreateAsyncScope();
        var mail = scope.ServiceProvider.GetRequiredService<AccountMail>();
        await queue(mail, scope.ServiceProvider.GetRequiredService<PublicLinks>());
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SaveChangesAsync();
        mail.DeliverSoon();
    }
}
