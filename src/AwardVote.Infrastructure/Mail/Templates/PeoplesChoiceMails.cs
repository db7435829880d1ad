using Microsoft.Extensions.Localization;

namespace AwardVote.Infrastructure.Mail.Templates;

/// <summary>
/// The one-time link that turns a people's-choice vote request into a vote. Sent in the language of the page the
/// voter used; nothing is counted until the voter opens the link and confirms.
/// </summary>
public sealed record VoteConfirmationMail(string CycleTitle, string NomineeName, string CategoryName, string Link, string ExpiresLocal)
    : MailTemplate
{
    public override string Purpose => "peoples-choice-confirmation";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Confirm your vote for {0}", NomineeName],
        [
            l["Hello!"],
            l["Someone, probably you, asked to vote for {0} ({1}) in the people's-choice vote of \"{2}\".", NomineeName, CategoryName, CycleTitle],
            l["Open the link below and confirm to cast the vote. The link works once, until {0}. A confirmed vote cannot be changed.", ExpiresLocal],
            l["If it was not you, ignore this message: without confirmation no vote is cast."],
        ],
        (l["Confirm my vote"], Link),
        l["AwardVote, Latvian Library Association"]);
}
