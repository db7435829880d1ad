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

/// <summary>
/// The answer to a vote request from an address that may not vote in a members-only vote. The page and the API say
/// the same to every address ("if this address may vote, we sent a link"), so whether an address is on the member
/// list is told only to its mailbox.
/// </summary>
public sealed record VoteNotOnMemberListMail(string CycleTitle, string NomineeName, string CategoryName) : MailTemplate
{
    public override string Purpose => "peoples-choice-not-on-member-list";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Your vote request for {0}", NomineeName],
        [
            l["Hello!"],
            l["Someone, probably you, asked to vote for {0} ({1}) in the people's-choice vote of \"{2}\".", NomineeName, CategoryName, CycleTitle],
            l["Only members of the association may vote, and this e-mail address is not on the member list. Ask for the vote again with the address the association has for you."],
            l["If it was not you, ignore this message: no vote is cast."],
        ],
        null,
        l["AwardVote, Latvian Library Association"]);
}

/// <summary>
/// The answer to a vote request from a mailbox that has already voted where the statute allows one vote: told to the
/// mailbox only, never to whoever sent the request.
/// </summary>
public sealed record VoteAlreadyCastMail(string CycleTitle, string NomineeName, string CategoryName) : MailTemplate
{
    public override string Purpose => "peoples-choice-already-voted";

    public override RenderedMail Render(IStringLocalizer<MailResource> l) => Compose(
        l["Your vote request for {0}", NomineeName],
        [
            l["Hello!"],
            l["Someone, probably you, asked to vote for {0} ({1}) in the people's-choice vote of \"{2}\".", NomineeName, CategoryName, CycleTitle],
            l["This mailbox has already voted in this vote, and a confirmed vote cannot be changed. Addresses that differ only in dots, a \"+\" tag or the provider's other domain are one mailbox."],
            l["If it was not you, ignore this message: nothing has changed."],
        ],
        null,
        l["AwardVote, Latvian Library Association"]);
}
