using System.Globalization;
using System.Net;
using AwardVote.Infrastructure.Data;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AwardVote.Infrastructure.Mail;

/// <summary>
/// Queues mail in the caller's unit of work: nothing is sent unless the change that causes the mail commits,
/// and <see cref="DeliverOutboxJob"/> sends it afterwards. Every mail ends with a link to the privacy notice, added
/// here once rather than in each template, so that no mail can forget it.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, IStringLocalizer<MailResource> localizer, IOptions<MailOptions> options)
{
    public const string PrivacyNoticePath = "/Privacy";

    public OutboxMessage Enqueue(MailTemplate template, string toEmail, string? toName, string culture, string deduplicationKey)
    {
        RenderedMail mail;
        using (CultureScope.Use(culture))
        {
            mail = WithPrivacyNotice(template.Render(localizer));
        }

        var now = clock.GetUtcNow();
        var message = new OutboxMessage
        {
            DeduplicationKey = $"{template.Purpose}:{deduplicationKey}",
            Purpose = template.Purpose,
            ToEmail = toEmail,
            ToName = toName,
            Culture = culture,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.Outbox.Add(message);
        return message;
    }

    /// <summary>
    /// The notice's address is the configured public one, never the request's (a job has none, and a Host header is
    /// the sender's to choose); without one configured there is no address to give, and no line.
    /// </summary>
    private RenderedMail WithPrivacyNotice(RenderedMail mail)
    {
        var publicBase = options.Value.PublicBaseUrl.TrimEnd('/');
        if (publicBase.Length == 0)
            return mail;
        var url = publicBase + PrivacyNoticePath;
        var label = localizer["How we process personal data:"].Value;
        // Above the signature, so that a mail still ends with the association's name.
        var signature = mail.TextBody.LastIndexOf(MailTemplate.SignatureSeparator, StringComparison.Ordinal);
        var text = signature < 0
            ? $"{mail.TextBody}\n\n{label} {url}"
            : mail.TextBody.Insert(signature, $"\n\n{label} {url}");
        var line = $"<p><small>{WebUtility.HtmlEncode(label)} <a href=\"{WebUtility.HtmlEncode(url)}\">{WebUtility.HtmlEncode(url)}</a></small></p>";
        var at = mail.HtmlBody.LastIndexOf(MailTemplate.HtmlSignatureSeparator, StringComparison.Ordinal);
        if (at < 0)
            at = mail.HtmlBody.LastIndexOf("</body>", StringComparison.Ordinal);
        var html = at < 0 ? mail.HtmlBody + line : mail.HtmlBody.Insert(at, line);
        return mail with { TextBody = text, HtmlBody = html };
    }
}

/// <summary>Renders in one person's language, whatever the current request's language is.</summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    private CultureScope(string culture)
    {
        var info = CultureInfo.GetCultureInfo(culture);
        CultureInfo.CurrentCulture = info;
        CultureInfo.CurrentUICulture = info;
    }

    public static CultureScope Use(string culture) => new(culture);

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
