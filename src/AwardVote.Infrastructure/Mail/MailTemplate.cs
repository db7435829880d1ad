using System.Net;
using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail;

/// <summary>A typed mail: knows its purpose and renders itself in the current UI culture.</summary>
public abstract record MailTemplate
{
    /// <summary>What the mail is for, e.g. "account-confirmation"; part of the outbox's deduplication key.</summary>
    public abstract string Purpose { get; }

    /// <summary>What stands between a mail's text and its signature (the usenet "-- " line; the HTML's rule).</summary>
    public const string SignatureSeparator = "\n\n-- \n";
    public const string HtmlSignatureSeparator = "<hr>";

    public abstract RenderedMail Render(IStringLocalizer<MailResource> l);

    /// <summary>Builds the plain-text and HTML bodies from paragraphs; values are HTML-encoded here, once.</summary>
    protected static RenderedMail Compose(string subject, IEnumerable<string> paragraphs, (string Text, string Url)? action = null,
        string? footer = null)
    {
        var lines = paragraphs.ToList();
        var text = string.Join("\n\n", lines);
        var html = string.Concat(lines.Select(p => $"<p>{WebUtility.HtmlEncode(p)}</p>"));
        if (action is { } a)
        {
            text += $"\n\n{a.Text}: {a.Url}";
            html += $"<p><a href=\"{WebUtility.HtmlEncode(a.Url)}\">{WebUtility.HtmlEncode(a.Text)}</a></p>";
        }
        if (footer is not null)
        {
            text += $"{SignatureSeparator}{footer}";
            html += $"{HtmlSignatureSeparator}<p><small>{WebUtility.HtmlEncode(footer)}</small></p>";
        }
        return new RenderedMail(subject, text, $"<!DOCTYPE html><html><body>{html}</body></html>");
    }
}

public sealed record RenderedMail(string Subject, string TextBody, string HtmlBody);

public sealed record AccountConfirmationMail(string DisplayName, string ConfirmationUrl) : MailTemplate
{
    public override string Purpose => "account-confirmation";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Confirm your e-mail address for AwardVote"],
        [
            l["Hello, {0}!", DisplayName],
            l["You created an AwardVote account. Open the link below to confirm that this e-mail address is yours."],
            l["If you did not create an account, ignore this message."],
        ],
        (l["Confirm e-mail address"], ConfirmationUrl),
        l["AwardVote, Latvian Library Association"]);
}

public sealed record PasswordResetMail(string DisplayName, string ResetUrl) : MailTemplate
{
    public override string Purpose => "password-reset";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Reset your AwardVote password"],
        [
            l["Hello, {0}!", DisplayName],
            l["Someone asked to reset the password of your AwardVote account. Open the link below to choose a new one."],
            l["If it was not you, ignore this message: your password stays as it is."],
        ],
        (l["Choose a new password"], ResetUrl),
        l["AwardVote, Latvian Library Association"]);
}

public sealed record AccountExistsMail(string DisplayName, string ForgotPasswordUrl) : MailTemplate
{
    public override string Purpose => "account-exists";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["You already have an AwardVote account"],
        [
            l["Hello, {0}!", DisplayName],
            l["Someone tried to register a new AwardVote account with this e-mail address, which already has one."],
            l["If it was you and you forgot the password, choose a new one with the link below. Otherwise ignore this message."],
        ],
        (l["Choose a new password"], ForgotPasswordUrl),
        l["AwardVote, Latvian Library Association"]);
}
