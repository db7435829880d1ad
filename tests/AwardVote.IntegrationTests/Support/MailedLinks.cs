using System.Net;
using System.Text.RegularExpressions;
using AwardVote.Infrastructure.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AwardVote.IntegrationTests.Support;

/// <summary>The links mails carry, as a person (or a script) would take them from the mailbox.</summary>
public static partial class MailedLinks
{
    /// <summary>The configured public address every mailed link must start with.</summary>
    public static string PublicBase(AwardVoteApp app) =>
        app.Services.GetRequiredService<IOptions<MailOptions>>().Value.PublicBaseUrl.TrimEnd('/') + "/";

    /// <summary>
    /// Every link containing <paramref name="contains"/> in the mails the address received, once at least
    /// <paramref name="count"/> such links arrived (the outbox is delivered on each try).
    /// </summary>
    public static async Task<List<Uri>> FindAsync(AwardVoteApp app, string email, string contains, int count = 1)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            await app.DeliverMailAsync();
            var links = Mailbox.To(email)
                .SelectMany(m => Link().Matches(m.TextBody ?? m.HtmlBody ?? "").Select(x => WebUtility.HtmlDecode(x.Value)))
                .Where(l => l.Contains(contains, StringComparison.OrdinalIgnoreCase))
                .Select(l => new Uri(l))
                .ToList();
            if (links.Count >= count)
                return links;
            await Task.Delay(100);
        }
        throw new Xunit.Sdk.XunitException($"No {count} mailed link(s) to {email} containing {contains}.");
    }

    [GeneratedRegex(@"https?://[^\s""'<>]+")]
    private static partial Regex Link();
}
