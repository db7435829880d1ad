using AwardVote.Domain.Libraries;
using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

/// <summary>Tells a representative that the association approved the library's registration.</summary>
public sealed record LibraryApprovedMail(string DisplayName, LibraryName LibraryName, string LibrariesUrl) : MailTemplate
{
    public override string Purpose => "library-approved";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Your library is approved in AwardVote"],
        [
            l["Hello, {0}!", DisplayName],
            l["The Latvian Library Association approved the registration of {0}. You can now act for the library: submit nominations and invite colleagues.", LibraryName.In(GrammaticalCase.Genitive)],
        ],
        (l["Open my libraries"], LibrariesUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>Tells a representative that the registration was refused, and why: the reason is the administrator's own text.</summary>
public sealed record LibraryRefusedMail(string DisplayName, LibraryName LibraryName, string Reason, string LibrariesUrl) : MailTemplate
{
    public override string Purpose => "library-refused";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Your library's registration in AwardVote was refused"],
        [
            l["Hello, {0}!", DisplayName],
            l["The Latvian Library Association refused the registration of {0}.", LibraryName.In(GrammaticalCase.Genitive)],
            l["Reason: {0}", Reason],
            l["If you have questions, reply to the association."],
        ],
        (l["Open my libraries"], LibrariesUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>A one-time link to become a representative of a library.</summary>
public sealed record LibraryInvitationMail(string InviteeName, string InviterName, LibraryName LibraryName, string InvitedEmail,
    string AcceptUrl, int ValidDays) : MailTemplate
{
    public override string Purpose => "library-invitation";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Invitation to represent {0} in AwardVote", LibraryName.In(GrammaticalCase.Accusative)],
        [
            l["Hello, {0}!", InviteeName],
            l["{0} invites you to become a representative of {1} in AwardVote, where libraries submit nominations for the Library of the Year award.", InviterName, LibraryName.In(GrammaticalCase.Genitive)],
            l["This invitation was sent to {0}. Sign in with your AwardVote account, or create one first, and then open the link below. The link works once and for {1} days.", InvitedEmail, ValidDays],
            l["If you do not expect this invitation, ignore this message."],
        ],
        (l["Accept the invitation"], AcceptUrl),
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>
/// Tells an administrator that a library registered and waits for review. The name goes where the nominative fits
/// (after a colon), whatever its case forms.
/// </summary>
public sealed record LibraryRegisteredMail(string DisplayName, string LibraryName, string Region, string RegisteredBy, string ReviewUrl)
    : MailTemplate
{
    public override string Purpose => "library-registered";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["A library awaits approval: {0}", LibraryName],
        [
            l["Hello, {0}!", DisplayName],
            l["A new library registered and awaits the association's approval. Its representative can already write a draft nomination, but can submit it only after approval."],
            l["Library: {0}", LibraryName],
            l["Region: {0}", Region],
            l["Registered by: {0}", RegisteredBy],
        ],
        (l["Review the registration"], ReviewUrl),
        l["AwardVote, Latvian Library Association"]);
}
