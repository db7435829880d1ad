using AwardVote.Infrastructure.Mail;
using Microsoft.Extensions.Options;

namespace AwardVote.Application;

/// <summary>
/// Every link a mail carries, built from the configured public address (<c>Mail:PublicBaseUrl</c>), never from the
/// request: a request's Host header is the sender's to choose, and a job has no request at all.
/// </summary>
public sealed class PublicLinks(IOptions<MailOptions> options)
{
    /// <param name="pathAndQuery">Starts with "/", e.g. <c>/Nominations/Edit?id=5</c>.</param>
    public string To(string pathAndQuery) => options.Value.PublicBaseUrl.TrimEnd('/') + pathAndQuery;
}
