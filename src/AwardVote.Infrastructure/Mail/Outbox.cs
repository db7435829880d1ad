using System.Globalization;
using AwardVote.Infrastructure.Data;
using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail;

/// <summary>
/// Queues mail in the caller's unit of work: nothing is sent unless the change that causes the mail commits,
/// and <see cref="DeliverOutboxJob"/> sends it afterwards.
/// </summary>
public sealed class Outbox(AppDbContext db, TimeProvider clock, IStringLocalizer<MailResource> localizer)
{
    public OutboxMessage Enqueue(MailTemplate template, string toEmail, string? toName, string culture, string deduplicationKey)
    {
        RenderedMail mail;
        using (CultureScope.Use(culture))
        {
            mail = template.Render(localizer);
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
